import type { EntityManager } from '@mikro-orm/postgresql';
import { assertRole, badUserInput, domainError, onUniqueViolation, today, WRITER_ROLES, type Viewer } from '@xgz/kit';
import { MarketHonourEntity, type MarketHonourRow } from './market-honour.entity.js';
import { MarketsErrorCode } from '../market-record/market.errors.js';
import type { MarketHonourInput } from './market.inputs.js';
import { marketWrites } from '../market-record/market.writes.js';

/** The first year an honour may carry: 文明诚信市场 campaigns began in the 1990s. */
const FIRST_HONOUR_YEAR = 1990;

const honourRecorded = () =>
  domainError(MarketsErrorCode.HonourRecorded, 'That honour of that year is recorded for the market already.');

/** Records an honour a market was given (文明诚信市场, by a city or the province, in a year). */
export function recordMarketHonour(
  em: EntityManager,
  viewer: Viewer,
  marketId: string,
  input: MarketHonourInput,
): Promise<MarketHonourRow> {
  assertRole(viewer, WRITER_ROLES, 'record market honours');
  const title = input.title.trim();
  if (!title) throw badUserInput('input.title must not be empty.', 'input.title');
  const thisYear = Number(today().slice(0, 4));
  if (!Number.isInteger(input.year) || input.year < FIRST_HONOUR_YEAR || input.year > thisYear)
    throw badUserInput(`input.year must be ${FIRST_HONOUR_YEAR}–${thisYear}.`, 'input.year');
  return onUniqueViolation(
    () =>
      marketWrites.event(em, viewer, {
        id: marketId,
        effectiveOn: today(),
        afterLastChange: false,
        check: async (row, tx) => {
          if (await tx.findOne(MarketHonourEntity, { marketId: row.id, title, level: input.level, year: input.year }))
            throw honourRecorded();
        },
        apply: (row, tx) =>
          tx.create(MarketHonourEntity, {
            regionCode: row.regionCode,
            marketId: row.id,
            title,
            level: input.level,
            year: input.year,
          }),
        action: 'RECORD_MARKET_HONOUR',
        detail: { title, level: input.level, year: input.year },
      }),
    (constraint) => (constraint === 'market_honour_unique' ? honourRecorded() : null),
  );
}

/** Each market's honours, newest first, in one statement (a loader). */
export async function honoursOf(
  em: EntityManager,
  marketIds: readonly string[],
): Promise<Map<string, MarketHonourRow[]>> {
  const rows = await em.find(
    MarketHonourEntity,
    { marketId: { $in: [...marketIds] } },
    { orderBy: { year: 'desc', title: 'asc' } },
  );
  const byMarket = new Map(marketIds.map((id) => [id, [] as MarketHonourRow[]]));
  for (const row of rows) byMarket.get(row.marketId)?.push(row);
  return byMarket;
}
