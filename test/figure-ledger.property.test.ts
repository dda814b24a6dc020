/**
 * The kit's figures ledger against a brute-force model, on real PostgreSQL: after any sequence of
 * facts added, facts withdrawn (back-dated corrections) and report-date snapshots rolled forward
 * between them, `readFigures` gives every province, city, county and township, on every date asked,
 * the number of facts true on that day under it — zero-length, adjacent and same-day periods included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  defineModule,
  defineSubgraph,
  readFigures,
  recordFactChange,
  rollForwardSnapshots,
  type FactInterval,
} from '@xgz/kit';
import { openOwnedSubgraphDatabase, withConnection, type OwnedSubgraphDatabase } from '@xgz/testkit';

// Never served here: only the subgraph's database is prepared.
class LedgerResolver {}
const ledger = defineSubgraph({
  name: 'kitledger',
  defaultPort: 4997,
  modules: [defineModule({ name: 'tally', resolvers: [LedgerResolver], metrics: ['tallies', 'others'] })],
  migrations: [],
});

const TOWNSHIPS = ['330102001', '330102002', '330106001', '330201001', '340102001'];
const REGIONS = ['33', '34', '3301', '3302', '3401', '330102', '330106', '330201', ...TOWNSHIPS];
const METRICS = ['tallies', 'others'];
const EPOCH = '2000-01-01';
const dayArb = fc.integer({ min: 0, max: 8_000 }).map((offset) => addDays(EPOCH, offset));

const intervalArb = fc
  .record({
    regionCode: fc.constantFrom(...TOWNSHIPS, '330102001001'), // a village counts at its township
    from: dayArb,
    length: fc.option(fc.integer({ min: 0, max: 900 }), { nil: null }),
    metrics: fc.subarray(METRICS, { minLength: 1 }),
  })
  .map(({ regionCode, from, length, metrics }) => ({
    regionCode,
    from,
    to: length === null ? null : addDays(from, length),
    metrics,
  }));

type Step =
  { kind: 'add'; interval: FactInterval } | { kind: 'withdraw'; index: number } | { kind: 'roll'; until: string };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: intervalArb.map((interval) => ({ kind: 'add' as const, interval })) },
  { weight: 2, arbitrary: fc.nat(20).map((index) => ({ kind: 'withdraw' as const, index })) },
  { weight: 1, arbitrary: dayArb.map((until) => ({ kind: 'roll' as const, until })) },
);

/** The model: how many facts of `metric` hold on `day` under `region`. */
function modelCount(facts: readonly FactInterval[], region: string, metric: string, day: string): number {
  return facts.filter(
    (fact) =>
      fact.regionCode.startsWith(region) &&
      fact.metrics.includes(metric) &&
      fact.from <= day &&
      (fact.to === null || day < fact.to),
  ).length;
}

let database: OwnedSubgraphDatabase;

beforeAll(async () => {
  database = await openOwnedSubgraphDatabase(ledger.database);
});
afterAll(() => database?.stop());

describe('the figures ledger', () => {
  it('gives every level on every date the facts true on that day, after any writes and roll-forwards', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(stepArb, { minLength: 1, maxLength: 12 }),
        fc.array(dayArb, { minLength: 1, maxLength: 4 }),
        async (steps, askedDays) => {
          await withConnection(database.ownerUrl, (client) =>
            client.query('truncate figure_delta, figure_snapshot, figure_snapshot_date'),
          );
          const facts: FactInterval[] = [];
          const days = new Set(askedDays);
          for (const step of steps) {
            if (step.kind === 'roll') {
              await withConnection(database.ownerUrl, (client) => rollForwardSnapshots(client, step.until));
              days.add(step.until);
              continue;
            }
            const change =
              step.kind === 'add'
                ? { added: [step.interval] }
                : facts.length > 0
                  ? { removed: facts.splice(step.index % facts.length, 1) }
                  : null;
            if (!change) continue;
            await database.orm.em.fork().transactional((tx) => recordFactChange(tx, change));
            if (step.kind === 'add') facts.push(step.interval);
            // Each period's edges and the day before them: same-day and adjacent periods meet there.
            for (const fact of change.added ?? change.removed ?? []) {
              days.add(fact.from).add(addDays(fact.from, -1));
              if (fact.to) days.add(fact.to).add(addDays(fact.to, -1));
            }
          }
          for (const day of days) {
            const served = await readFigures(database.orm.em.fork(), REGIONS, METRICS, day);
            for (const region of REGIONS) {
              for (const metric of METRICS)
                expect(served.get(region)?.get(metric), `${region} ${metric} ${day}`).toBe(
                  modelCount(facts, region, metric, day),
                );
            }
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
