import type { MarketKeyGrade } from './market-key-grade.js';
import type { MarketType } from './market-type.js';

/**
 * The facts markets publishes through the feed, as its owner defines them: registry checks an
 * entity's market against its copy of these (it exists, lies in the caller's region, is open on the
 * day), by these types, never by re-declared shapes or string literals.
 */
export const MarketsFactType = {
  Market: 'Market',
} as const;
export type MarketsFactType = (typeof MarketsFactType)[keyof typeof MarketsFactType];

/** A market's state over a period. */
export interface MarketFactState extends Record<string, unknown> {
  regionCode: string;
  type: MarketType;
  keyGrade: MarketKeyGrade | null;
  stars: number | null;
  inCityDistrict: boolean;
  countyCentre: boolean;
  /** False once closed: it then counts nowhere and takes no vendors. */
  open: boolean;
  /** Added to the standardization scope by hand (the reason stays with markets). */
  addedToScope: boolean;
}
