import type { EntityManager } from '@mikro-orm/postgresql';
import { rederive } from '@xgz/kit';
import { marketStandardFacts } from './market-standard.derived.js';

/** Re-derives markets' "六化" standardization, as the actor, in the caller's transaction. */
export const rederiveStandardization = (tx: EntityManager, marketIds: readonly string[], actor: string) =>
  rederive(tx, marketStandardFacts, marketIds, { reason: 'STANDARD_CHANGED', actor });
