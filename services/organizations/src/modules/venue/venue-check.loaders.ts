import type { EntityManager } from '@mikro-orm/postgresql';
import { datedLoader } from '@xgz/kit';
import type { VenueCheckRow } from './venue-check.entity.js';
import { venueChecksOn } from './venue-check.service.js';

/** Each organization's "六有" check in force on a date. */
export const createVenueCheckLoaders = (em: EntityManager) => ({
  on: datedLoader<VenueCheckRow | null>((ids, date) => venueChecksOn(em, ids, date), null),
});
