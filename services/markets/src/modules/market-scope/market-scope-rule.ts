import type { MarketsSettings } from '../../markets.settings.js';
import type { MarketFactState } from '../market-record/market.facts.js';
import { MarketType } from '@xgz/kit';

/**
 * Whether a market falls in the standardization scope by the rule of seed 002, as configured: a key
 * market of a listed grade; a market with the stars; a farmers' market in a city district with the
 * stars; a farmers' market at a county centre.
 */
export function inScopeByRule(state: MarketFactState, settings: MarketsSettings): boolean {
  const stars = state.stars ?? 0;
  if (state.keyGrade && settings.SCOPE_KEY_GRADES.includes(state.keyGrade)) return true;
  if (settings.SCOPE_MIN_STARS > 0 && stars >= settings.SCOPE_MIN_STARS) return true;
  if (state.type !== MarketType.FARMERS) return false;
  if (
    state.inCityDistrict &&
    settings.SCOPE_CITY_FARMERS_MIN_STARS > 0 &&
    stars >= settings.SCOPE_CITY_FARMERS_MIN_STARS
  )
    return true;
  return state.countyCentre && settings.SCOPE_COUNTY_CENTRE_FARMERS;
}

/** The rule as configured, for the derived fact's revision: another setting re-derives every market. */
export const scopeRuleRevision = (settings: MarketsSettings) =>
  `grades=${settings.SCOPE_KEY_GRADES.join(',')};stars=${settings.SCOPE_MIN_STARS};cityFarmers=${settings.SCOPE_CITY_FARMERS_MIN_STARS};countyCentre=${settings.SCOPE_COUNTY_CENTRE_FARMERS}`;
