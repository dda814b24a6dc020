import type { EntityManager } from '@mikro-orm/postgresql';
import { regionScopedByIdLoader, regionSubtreeCountLoader, type Viewer } from '@xgz/kit';
import { PartyOrganizationEntity, type PartyOrganizationRow } from './party-organization.entity.js';

export const createPartyOrganizationLoaders = (em: EntityManager, viewer: Viewer) => ({
  byId: regionScopedByIdLoader<PartyOrganizationRow>(em, PartyOrganizationEntity, viewer),
  /** Organizations active today at or under a region. */
  activeCountByRegion: regionSubtreeCountLoader(em, {
    table: 'party_organization',
    condition: 't.established_on <= current_date and (t.dissolved_on is null or t.dissolved_on > current_date)',
  }),
});
