import type { EntityManager } from '@mikro-orm/postgresql';
import { assertRole, badUserInput, today, WRITER_ROLES, type Viewer } from '@xgz/kit';
import { recordMarketCheck } from '../market-record/market-check.js';
import type { MarketStandardInput } from './market-standard.inputs.js';
import { MarketStandardRecordEntity, type MarketStandardRecordRow } from './market-standard-record.entity.js';
import { rederiveStandardization } from './rederive-standardization.js';

/** The first year the 六化 standard is recorded for (规范化建设 began 2014–2016). */
const FIRST_YEAR = 2010;

/** A year 六化 is assessed for: from FIRST_YEAR to this year. */
export function assertAssessedYear(year: number, argument: string): void {
  const thisYear = Number(today().slice(0, 4));
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > thisYear)
    throw badUserInput(`${argument} must be ${FIRST_YEAR}–${thisYear}.`, argument);
}

/**
 * Records an answer to one "六化" item for a market and year (answered again the same day, it
 * replaces the first): the market's standardization, and its region's rate, follow from that day.
 */
export function recordMarketStandard(
  em: EntityManager,
  viewer: Viewer,
  marketId: string,
  input: MarketStandardInput,
): Promise<MarketStandardRecordRow> {
  assertRole(viewer, WRITER_ROLES, 'record market standards');
  assertAssessedYear(input.year, 'input.year');
  if (input.recordedOn.slice(0, 4) !== String(input.year))
    throw badUserInput(
      `input.recordedOn must fall in ${input.year}: each year is assessed in that year.`,
      'input.recordedOn',
    );
  return recordMarketCheck(em, viewer, {
    marketId,
    recordedOn: input.recordedOn,
    evidence: input.evidence,
    apply: async (row, tx, evidence) => {
      const key = { marketId: row.id, year: input.year, item: input.item, recordedOn: input.recordedOn };
      const earlier = await tx.findOne(MarketStandardRecordEntity, key);
      if (earlier) return Object.assign(earlier, { met: input.met, evidence });
      return tx.create(MarketStandardRecordEntity, { ...key, regionCode: row.regionCode, met: input.met, evidence });
    },
    derive: rederiveStandardization,
    action: 'RECORD_MARKET_STANDARD',
    detail: { year: input.year, item: input.item, met: input.met },
  });
}

/** Every answer of each market for a year, oldest first, in one statement (a loader). */
export async function standardRecordsOf(
  em: EntityManager,
  keys: readonly { marketId: string; year: number }[],
): Promise<Map<string, MarketStandardRecordRow[]>> {
  const rows = await em.find(
    MarketStandardRecordEntity,
    { $or: keys.map((key) => ({ marketId: key.marketId, year: key.year })) },
    { orderBy: { recordedOn: 'asc' } },
  );
  const byKey = new Map(keys.map((key) => [`${key.marketId}@${key.year}`, [] as MarketStandardRecordRow[]]));
  for (const row of rows) byKey.get(`${row.marketId}@${row.year}`)?.push(row);
  return byKey;
}
