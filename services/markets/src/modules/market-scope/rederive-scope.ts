import type { EntityManager } from '@mikro-orm/postgresql';
import { rederive } from '@xgz/kit';
import { marketScopeFacts } from './market-scope.derived.js';

/** Re-derives markets' standardization scope from their history, as the actor, in the caller's transaction. */
export const rederiveScope = (tx: EntityManager, marketIds: readonly string[], actor: string) =>
  rederive(tx, marketScopeFacts, marketIds, { reason: 'SCOPE_CHANGED', actor });
