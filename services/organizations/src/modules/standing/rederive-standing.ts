import type { EntityManager } from '@mikro-orm/postgresql';
import { rederive } from '@xgz/kit';
import { organizationStandingFacts } from './organization-standing.derived.js';

/** Re-derives organizations' standing (schedule, venue, term), as the actor, in the caller's transaction. */
export const rederiveStanding = (tx: EntityManager, organizationIds: readonly string[], actor: string) =>
  rederive(tx, organizationStandingFacts, organizationIds, { reason: 'STANDING_CHANGED', actor });
