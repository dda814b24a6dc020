import type { EntityManager } from '@mikro-orm/postgresql';
import { FactHistory, type DerivedFactDefinition, type MarketFactState, type Period } from '@xgz/kit';
import { marketFacts } from '../market-record/market.facts.js';
import { DemonstrationRecordEntity } from './demonstration-record.entity.js';
import { DEMONSTRATION_ITEMS, type DemonstrationItem } from './demonstration-item.js';

export interface DemonstrationCheck {
  item: DemonstrationItem;
  inPlace: boolean;
  recordedOn: string;
}

export interface DemonstrationInputs {
  market: Period<MarketFactState>[];
  checks: DemonstrationCheck[];
}

/** An open market on a date that has all five items in place (a "五个一" demonstration site). */
export interface DemonstrationState extends Record<string, unknown> {
  regionCode: string;
  site: boolean;
}

export const demonstrationMetrics = {
  sites: 'demonstration.site',
  all(): string[] {
    return [this.sites];
  },
};

/** Each item's latest check on or before `date`. */
export function itemsInPlace(checks: readonly DemonstrationCheck[], date: string): Map<DemonstrationItem, boolean> {
  const latest = new Map<DemonstrationItem, DemonstrationCheck>();
  for (const check of checks) {
    if (check.recordedOn > date) continue;
    const seen = latest.get(check.item);
    if (!seen || check.recordedOn >= seen.recordedOn) latest.set(check.item, check);
  }
  return new Map([...latest].map(([item, check]) => [item, check.inPlace]));
}

/**
 * A demonstration site as a derived dated fact: from the day the last of the five items is checked in
 * place, until one is checked missing or the market closes. Unlike 六化, not assessed yearly: what is
 * built stays until a check finds it gone.
 */
export const demonstrationFacts: DerivedFactDefinition<DemonstrationInputs, DemonstrationState> = {
  subjectType: 'MarketDemonstration',
  revision: 'demonstration-1',
  subjects: { from: 'market', key: 'id' },
  regionOf: (state) => state.regionCode,
  metricsOf: (state) => (state.site ? [demonstrationMetrics.sites] : []),
  breakpoints: (inputs) => [
    ...inputs.market.flatMap((period) => (period.to ? [period.from, period.to] : [period.from])),
    ...inputs.checks.map((check) => check.recordedOn),
  ],
  stateOn: (inputs, date) => {
    const market = inputs.market.find(
      (period) => period.from <= date && (period.to === null || date < period.to),
    )?.state;
    if (!market?.open) return null;
    const inPlace = itemsInPlace(inputs.checks, date);
    return { regionCode: market.regionCode, site: DEMONSTRATION_ITEMS.every((item) => inPlace.get(item) === true) };
  },
  loadInputs: async (em: EntityManager, marketIds: readonly string[]) => {
    const histories = await new FactHistory(em, marketFacts).periodsOf(marketIds);
    const rows = await em.find(DemonstrationRecordEntity, { marketId: { $in: [...marketIds] } });
    const inputs = new Map<string, DemonstrationInputs>(
      marketIds.map((id) => [
        id,
        { market: (histories.get(id) ?? []).map(({ from, to, state }) => ({ from, to, state })), checks: [] },
      ]),
    );
    for (const row of rows)
      inputs.get(row.marketId)?.checks.push({ item: row.item, inPlace: row.inPlace, recordedOn: row.recordedOn });
    return inputs;
  },
};

/**
 * Townships at or under each region with at least one demonstration site on `date` ("one per
 * street"): one statement over the sites' derived periods — a few per township, so it costs what
 * the sites number, not the townships.
 */
export async function townshipsWithSiteOn(
  em: EntityManager,
  regionCodes: readonly string[],
  date: string,
): Promise<Map<string, number>> {
  const rows = await em.execute<{ code: string; townships: number }[]>(
    `select r.code, count(distinct left(v.region_code, 9))::int as townships
       from jsonb_array_elements_text(?::jsonb) as r(code)
       join fact_version v on v.subject_type = ? and v.superseded_at is null and (v.state->>'site')::boolean
        and v.valid_from <= ?::date and (v.valid_to is null or v.valid_to > ?::date) and starts_with(v.region_code, r.code)
      group by r.code`,
    [JSON.stringify(regionCodes), demonstrationFacts.subjectType, date, date],
  );
  return new Map(rows.map((row) => [row.code, row.townships]));
}
