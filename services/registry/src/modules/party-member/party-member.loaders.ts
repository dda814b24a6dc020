import type { EntityManager } from '@mikro-orm/postgresql';
import { factVersionsLoader, readAuditLoader, regionScopedByIdLoader, type Viewer } from '@xgz/kit';
import { partyMemberFacts } from './party-member.facts.js';
import { PartyMemberEntity, type PartyMemberRow } from './party-member.entity.js';

export const createPartyMemberLoaders = (em: EntityManager, viewer: Viewer) => ({
  byId: regionScopedByIdLoader<PartyMemberRow>(em, PartyMemberEntity, viewer),
  versions: factVersionsLoader(em, partyMemberFacts),
  /** Unmasked reads of this request, written in one statement. */
  personalDataReads: readAuditLoader(em, viewer),
});
