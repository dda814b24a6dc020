import { MarketEntityKind } from '@xgz/kit';

/** Enterprises (企业) for the ENTERPRISES denominator: every kind but individual businesses, which are not legal persons. */
export const ENTERPRISE_KINDS = [MarketEntityKind.SMALL_MICRO_ENTERPRISE, MarketEntityKind.MARKET_OPERATOR];
