import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { datedLoader, FactHistory, regionScopedByIdLoader, type FactPeriod, type Viewer } from '@xgz/kit';
import { MarketCategoryEntity, type MarketCategoryRow } from '../market-category/market-category.entity.js';
import { marketScopeFacts, type MarketScopeState } from '../market-scope/market-scope.derived.js';
import { TradingMarketEntity, type MarketRow } from '../market-record/market.entity.js';
import { marketFacts, type MarketFactState } from '../market-record/market.facts.js';
import { honoursOf } from './market-honour.service.js';
import type { MarketHonourRow } from './market-honour.entity.js';
import { NO_VENDORS, vendorCountsOn, type MarketVendorCounts } from '../vendor/vendor-counts.js';

const holdsOn = (period: { from: string; to: string | null }, date: string) =>
  period.from <= date && (period.to === null || date < period.to);

/** Markets by id inside the viewer's region; their categories, honours, history and scope, batched. */
export const createMarketLoaders = (em: EntityManager, viewer: Viewer) => ({
  byId: regionScopedByIdLoader<MarketRow>(em, TradingMarketEntity, viewer),
  categories: new DataLoader<string, MarketCategoryRow | null>(async (codes) => {
    const rows = await em.find(MarketCategoryEntity, { code: { $in: [...codes] } });
    const byCode = new Map(rows.map((row) => [row.code, row]));
    return codes.map((code) => byCode.get(code) ?? null);
  }),
  operatedBy: new DataLoader<string, MarketRow[]>(async (ids) => {
    const rows = await em.find(TradingMarketEntity, { operatorId: { $in: [...ids] } }, { orderBy: { name: 'asc' } });
    return ids.map((id) => rows.filter((row) => row.operatorId === id));
  }),
  honours: new DataLoader<string, MarketHonourRow[]>(async (ids) => {
    const found = await honoursOf(em, ids);
    return ids.map((id) => found.get(id) ?? []);
  }),
  history: new DataLoader<string, FactPeriod<MarketFactState>[]>(async (ids) => {
    const found = await new FactHistory(em, marketFacts).periodsOf(ids);
    return ids.map((id) => found.get(id) ?? []);
  }),
  vendorsOn: datedLoader<MarketVendorCounts>((ids, date) => vendorCountsOn(em, ids, date), NO_VENDORS),
  scopeOn: datedLoader<MarketScopeState | null>(async (ids, date) => {
    const found = await new FactHistory(em, marketScopeFacts).periodsOf(ids);
    return new Map(ids.map((id) => [id, found.get(id)?.find((period) => holdsOn(period, date))?.state ?? null]));
  }, null),
});
