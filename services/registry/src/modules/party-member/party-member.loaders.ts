import type { EntityManager } from '@mikro-orm/postgresql';
import { readAuditLoader, regionScopedByIdLoader, type Viewer } from '@xgz/kit';
import { PartyMemberEntity, type PartyMemberRow } from './party-member.entity.js';

export const createPartyMemberLoaders = (em: EntityManager, viewer: Viewer) => ({
  byId: regionScopedByIdLoader<PartyMemberRow>(em, PartyMemberEntity, viewer),
  /** Unmasked reads of this request, written in one statement. */
  personalDataReads: readAuditLoader(em, viewer),
});
