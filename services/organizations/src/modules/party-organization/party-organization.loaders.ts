import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { regionScopedByIdLoader, type Viewer } from '@xgz/kit';
import { CoverageLinkEntity, type CoverageLinkRow } from '../coverage/coverage-link.entity.js';
import { PartyOrganizationEntity, type PartyOrganizationRow } from './party-organization.entity.js';

export const createPartyOrganizationLoaders = (em: EntityManager, viewer: Viewer) => ({
  byId: regionScopedByIdLoader<PartyOrganizationRow>(em, PartyOrganizationEntity, viewer),
  /** Every coverage link of each organization, oldest first. */
  links: new DataLoader<string, CoverageLinkRow[]>(async (ids) => {
    const rows = await em.find(CoverageLinkEntity, { organizationId: { $in: [...ids] } }, { orderBy: { fromDate: 'asc' } });
    return ids.map((id) => rows.filter((row) => row.organizationId === id));
  }),
  /** Every coverage link of each market entity, oldest first. */
  linksOfEntity: new DataLoader<string, CoverageLinkRow[]>(async (ids) => {
    const rows = await em.find(CoverageLinkEntity, { entityId: { $in: [...ids] } }, { orderBy: { fromDate: 'asc' } });
    return ids.map((id) => rows.filter((row) => row.entityId === id));
  }),
});
