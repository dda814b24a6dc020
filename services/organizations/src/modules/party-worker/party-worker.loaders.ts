import type { EntityManager } from '@mikro-orm/postgresql';
import { datedLoader, regionScopedByIdLoader, type Viewer } from '@xgz/kit';
import { PartyWorkerEntity, type PartyWorkerRow } from './party-worker.entity.js';
import { workersAssignedOn } from './party-worker.service.js';

/** Workers by id inside the viewer's region (unmasked rows), and those assigned to each market entity on a date, masked. */
export const createPartyWorkerLoaders = (em: EntityManager, viewer: Viewer) => ({
  byId: regionScopedByIdLoader<PartyWorkerRow>(em, PartyWorkerEntity, viewer),
  assignedToEntityOn: datedLoader<PartyWorkerRow[]>((ids, date) => workersAssignedOn(em, viewer, ids, date), []),
});
