import type { EntityManager } from '@mikro-orm/postgresql';
import { fedPeriods, MarketsFactType, requireFedRecords, type FedRecord, type MarketFactState } from '@xgz/kit';
import { marketNotOpen } from './market.errors.js';

/**
 * A market named by id, from organizations' copy of markets' facts: known and inside the caller's
 * region (NOT_FOUND otherwise, like any id the caller may not see), and open on `on`.
 */
export async function requireOpenMarket(
  em: EntityManager,
  marketId: string,
  on: string,
  argument: string,
): Promise<FedRecord<MarketFactState>> {
  const found = await requireFedRecords<MarketFactState>(em, MarketsFactType.Market, [marketId], argument, 'market');
  const periods = (await fedPeriods<MarketFactState>(em, MarketsFactType.Market, [marketId])).get(marketId) ?? [];
  const then = periods.find((period) => period.from <= on && (period.to === null || on < period.to));
  if (!then?.state.open) throw marketNotOpen(argument, marketId, on);
  return found.get(marketId)!;
}
