import type { EntityManager } from '@mikro-orm/postgresql';
import { datedLoader, type Viewer } from '@xgz/kit';
import type { PartyWorkerRow } from './party-worker.entity.js';
import { workersAssignedOn } from './party-worker.service.js';

/** The workers assigned to each market entity on a date, masked for the viewer. */
export const createPartyWorkerLoaders = (em: EntityManager, viewer: Viewer) => ({
  assignedToEntityOn: datedLoader<PartyWorkerRow[]>((ids, date) => workersAssignedOn(em, viewer, ids, date), []),
});
