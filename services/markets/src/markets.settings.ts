import { defineSettings, MarketKeyGrade } from '@xgz/kit';
import { z } from 'zod';

const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false'])
    .default(fallback ? 'true' : 'false')
    .transform((value) => value === 'true');

/** Stars 1–5 that bring a market into scope; 0 turns the clause off. */
const stars = (fallback: number) => z.coerce.number().int().min(0).max(5).default(fallback);

/**
 * The standardization scope rule (规范化建设范围) of seed 002 as configuration, each clause with its
 * default (README, "Configuration"): a market is in scope when any clause holds, or when it was
 * added by hand with a reason. Bound when the subgraph starts; a change re-derives every market.
 */
export const marketsSettings = defineSettings({
  /** Key-market grades in scope, comma-separated: provincial and regional key markets (省级、区域性重点市场). */
  SCOPE_KEY_GRADES: z
    .string()
    .default(`${MarketKeyGrade.PROVINCIAL_KEY},${MarketKeyGrade.REGIONAL_KEY}`)
    .transform((value) =>
      [
        ...new Set(
          value
            .split(',')
            .map((grade) => grade.trim())
            .filter(Boolean),
        ),
      ].sort(),
    )
    .pipe(z.array(z.enum(MarketKeyGrade))),
  /** Markets of any type with at least this many stars (五星级市场). */
  SCOPE_MIN_STARS: stars(5),
  /** Farmers' markets in a city district (城区) with at least this many stars (四星级以上城区农贸市场). */
  SCOPE_CITY_FARMERS_MIN_STARS: stars(4),
  /** Farmers' markets at a county centre (县城中心农贸市场), whatever their stars. */
  SCOPE_COUNTY_CENTRE_FARMERS: flag(true),
});

export type MarketsSettings = ReturnType<typeof marketsSettings.get>;
