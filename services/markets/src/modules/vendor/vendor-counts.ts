import type { EntityManager } from '@mikro-orm/postgresql';
import { vendorFacts } from './vendor.derived.js';

/** A market's vendors on a date, their members on the books and the plates hung. */
export interface MarketVendorCounts {
  vendors: number;
  members: number;
  plates: number;
}

export const NO_VENDORS: MarketVendorCounts = { vendors: 0, members: 0, plates: 0 };

/** The vendor counts of each market on `date`, from the vendors' derived periods listed under it: one indexed statement (a loader). */
export async function vendorCountsOn(
  em: EntityManager,
  marketIds: readonly string[],
  date: string,
): Promise<Map<string, MarketVendorCounts>> {
  const rows = await em.execute<{ market_id: string; vendors: number; members: number; plates: number }[]>(
    `select listed_in as market_id, count(*)::int as vendors,
            coalesce(sum((state->>'members')::int), 0)::int as members, coalesce(sum((state->>'plates')::int), 0)::int as plates
       from fact_version
      where subject_type = ? and superseded_at is null and valid_from <= ?::date and (valid_to is null or valid_to > ?::date)
        and listed_in in (select jsonb_array_elements_text(?::jsonb))
      group by 1`,
    [vendorFacts.subjectType, date, date, JSON.stringify(marketIds)],
  );
  return new Map(rows.map(({ market_id, ...counts }) => [market_id, counts]));
}
