import type { EntityManager } from '@mikro-orm/postgresql';
import { datedLoader } from '@xgz/kit';
import { electionsOn } from './organization-term.service.js';

/** Each organization's latest election on or before a date. */
export const createOrganizationTermLoaders = (em: EntityManager) => ({
  electedOn: datedLoader<string | null>((ids, date) => electionsOn(em, ids, date), null),
});
