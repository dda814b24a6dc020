import type { EntityManager } from '@mikro-orm/postgresql';
import { rederive, RegistryFactType } from '@xgz/kit';
import { vendorFacts } from './vendor.derived.js';

/** Re-derives entities as vendors (and their members), as the actor, in the caller's transaction. */
export const rederiveVendors = (tx: EntityManager, entityIds: readonly string[], actor: string) =>
  rederive(tx, vendorFacts, entityIds, { reason: 'VENDORS_CHANGED', actor });

/** A market opened, closed or reopened: every entity that ever named it is re-derived. */
export async function rederiveVendorsOfMarkets(tx: EntityManager, marketIds: readonly string[], actor: string) {
  const rows = await tx.execute<{ id: string }[]>(
    `select distinct subject_id as id from fed_fact
      where subject_type = ? and state->>'marketId' in (select jsonb_array_elements_text(?::jsonb))`,
    [RegistryFactType.MarketEntity, JSON.stringify(marketIds)],
  );
  return rederiveVendors(
    tx,
    rows.map((row) => row.id),
    actor,
  );
}
