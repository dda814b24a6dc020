/**
 * The kit's dated history against a brute-force model, on real PostgreSQL: after any sequence of
 * records started and changed from a date on (back-dated, same-day and out-of-order changes
 * included), each record's current periods give on every day the state the model gives — no gap,
 * no overlap, no empty period — and the figures kept beside them count those states at every level.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { EntityManager } from '@mikro-orm/postgresql';
import { addDays, defineModule, defineSubgraph, FactHistory, readFigures, type FactDefinition } from '@xgz/kit';
import { openOwnedSubgraphDatabase, withConnection, type OwnedSubgraphDatabase } from '@xgz/testkit';

type ShopState = { regionCode: string; open: boolean };
const shopFacts: FactDefinition<ShopState> = {
  subjectType: 'Shop',
  regionOf: (state) => state.regionCode,
  metricsOf: (state) => (state.open ? ['openShops'] : []),
};

// Never served here: only the subgraph's database is prepared.
class HistoryResolver {}
const shops = defineSubgraph({
  name: 'kithistory',
  defaultPort: 4996,
  modules: [defineModule({ name: 'shop', resolvers: [HistoryResolver], facts: [shopFacts], metrics: ['openShops'] })],
  migrations: [],
});

const SUBJECTS = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
const TOWNSHIPS = ['330102001', '330106001', '330201001'];
const REGIONS = ['33', '3301', '3302', '330102', '330106', '330201', ...TOWNSHIPS];
const dayArb = fc.integer({ min: 0, max: 3_000 }).map((offset) => addDays('2010-01-01', offset));
const patchArb = fc.oneof(
  fc.constantFrom(...TOWNSHIPS).map((regionCode) => ({ regionCode })),
  fc.boolean().map((open) => ({ open })),
);

type Step =
  | { kind: 'start'; subject: number; from: string; state: ShopState }
  | { kind: 'change'; subject: number; date: string; patch: Partial<ShopState> };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('start' as const),
    subject: fc.nat(SUBJECTS.length - 1),
    from: dayArb,
    state: fc.record({ regionCode: fc.constantFrom(...TOWNSHIPS), open: fc.boolean() }),
  }),
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('change' as const),
      subject: fc.nat(SUBJECTS.length - 1),
      date: dayArb,
      patch: patchArb,
    }),
  },
);

const history = (em: EntityManager) => new FactHistory(em, shopFacts);
const context = { reason: 'TEST', actor: 'property' };

/** The model: a record's start, then its changes in the order recorded, each from its date on. */
interface ModelRecord {
  from: string;
  state: ShopState;
  changes: { date: string; patch: Partial<ShopState> }[];
}
function modelState(record: ModelRecord | undefined, day: string): ShopState | null {
  if (!record || day < record.from) return null;
  let state = record.state;
  for (const change of record.changes) if (change.date <= day) state = { ...state, ...change.patch };
  return state;
}

let database: OwnedSubgraphDatabase;

beforeAll(async () => {
  database = await openOwnedSubgraphDatabase(shops.database);
});
afterAll(() => database?.stop());

describe('the dated history', () => {
  it('holds on every day the state the model gives, and the figures beside it count those states', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 10 }), async (steps) => {
        await withConnection(database.ownerUrl, (client) =>
          client.query('truncate fact_version, figure_delta, figure_snapshot, figure_snapshot_date'),
        );
        const model = new Map<number, ModelRecord>();
        const days = new Set<string>();
        for (const step of steps) {
          if (step.kind === 'start') {
            if (model.has(step.subject)) continue; // a record starts once
            await database.orm.em
              .fork()
              .transactional((tx) => history(tx).start(SUBJECTS[step.subject]!, step.from, step.state, context));
            model.set(step.subject, { from: step.from, state: step.state, changes: [] });
            days.add(step.from).add(addDays(step.from, -1));
          } else {
            const result = await database.orm.em
              .fork()
              .transactional((tx) =>
                history(tx).change(
                  SUBJECTS[step.subject]!,
                  step.date,
                  (state) => ({ ...state, ...step.patch }),
                  context,
                ),
              );
            const record = model.get(step.subject);
            // Refused (null) exactly when the record has not started by then.
            expect(result === null).toBe(!record || step.date < record.from);
            if (record && step.date >= record.from) record.changes.push({ date: step.date, patch: step.patch });
            days.add(step.date).add(addDays(step.date, -1));
          }
        }
        const stored = history(database.orm.em.fork());
        for (const [index, subject] of SUBJECTS.entries()) {
          const periods = await stored.periods(subject);
          for (const [i, period] of periods.entries()) {
            expect(period.to === null || period.to > period.from, 'no empty period').toBe(true);
            if (i > 0) expect(period.from, 'adjacent, in order').toBe(periods[i - 1]!.to);
          }
          for (const day of days) {
            const held = periods.find((period) => period.from <= day && (period.to === null || day < period.to));
            expect(held?.state ?? null, `${index} on ${day}`).toEqual(modelState(model.get(index), day));
          }
        }
        for (const day of days) {
          const served = await readFigures(database.orm.em.fork(), REGIONS, ['openShops'], day);
          for (const region of REGIONS) {
            const expected = [...model.values()].filter((record) => {
              const state = modelState(record, day);
              return state?.open && state.regionCode.startsWith(region);
            }).length;
            expect(served.get(region)?.get('openShops'), `${region} on ${day}`).toBe(expected);
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});
