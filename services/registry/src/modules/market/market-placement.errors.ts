import { domainError } from '@xgz/kit';

/** Error codes of placing an entity in a market; published in the schema (RegistryErrorCode). */
export const MarketPlacementErrorCode = {
  /** The market was closed (or not yet open) on the day: an entity trades in an open market. */
  MarketNotOpen: 'MARKET_NOT_OPEN',
} as const;

export const marketNotOpen = (marketId: string, on: string) =>
  domainError(MarketPlacementErrorCode.MarketNotOpen, `Market ${marketId} was not open on ${on}.`, {
    field: 'marketId',
  });
