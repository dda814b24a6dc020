import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { regionScopedByIdLoader, type Viewer } from '@xgz/kit';
import { CoverageLinkEntity, type CoverageLinkRow } from '../coverage/coverage-link.entity.js';
import {
  PartyOrganizationEntity,
  type PartyOrganizationRow,
} from '../organization-record/party-organization.entity.js';

export const createPartyOrganizationLoaders = (em: EntityManager, viewer: Viewer) => ({
  byId: regionScopedByIdLoader<PartyOrganizationRow>(em, PartyOrganizationEntity, viewer),
  /** Every coverage link of each market entity, oldest first (an entity has a handful). */
  linksOfEntity: new DataLoader<string, CoverageLinkRow[]>(async (ids) => {
    const rows = await em.find(CoverageLinkEntity, { entityId: { $in: [...ids] } }, { orderBy: { fromDate: 'asc' } });
    const byEntity = new Map(ids.map((id) => [id, [] as CoverageLinkRow[]]));
    for (const row of rows) byEntity.get(row.entityId)?.push(row);
    return ids.map((id) => byEntity.get(id)!);
  }),
});
