/**
 * A generated sequence of dated writes per markets aggregate — markets and their ratings, closings
 * and hand additions to scope; 六化 answers and 五个一 checks; vendors placed, moved and taken out by
 * registry — drawn from a small pool of dates so that same-day writes and back-dated ones (a date
 * before writes already made) keep happening. Registry and markets run in processes of their own,
 * as under `npm start`, each following the other's feed: every call must be answered within
 * CALL_BOUND_MS, with a result or a coded refusal (never INTERNAL_SERVER_ERROR or TIMEOUT), and after
 * every write every markets figure — at province, city, county and township, live and as of a past
 * date — must equal the reference computed from the raw rows (test/reference/market-figures.ts).
 * SEQUENCE_SEED=<n> replays another sequence.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { subgraphRoles, today } from '@xgz/kit';
import {
  createTestDatabase,
  executeGraphQL,
  spawnSubgraphs,
  testEnv,
  tokenFor,
  sequenceWriter,
  waitForFeed,
  type SubgraphProcesses,
  type TestDatabase,
} from '@xgz/testkit';
import { seededRandom } from '../scripts/src/seeded-random.js';
import { marketRawRows, marketReference } from './reference/market-figures.js';

const CALL_BOUND_MS = 5_000;
const SEED = Number(process.env.SEQUENCE_SEED ?? 20261208);
const random = seededRandom(SEED);
const TOWNSHIPS = ['330106002', '330106005'];
const REGIONS = ['33', '3301', '330106', ...TOWNSHIPS];
/** Few dates, often the same: same-day writes and back-dating come by themselves. */
const DATES = [
  '2019-03-01',
  '2019-07-01',
  '2020-01-01',
  '2020-01-01',
  '2020-06-30',
  '2021-01-01',
  '2021-06-30',
  '2022-03-15',
  '2022-03-15',
];
const COMPARED_DATES = ['2019-12-31', '2020-06-30', '2021-06-30', '2022-12-31'];
const FIGURES = `markets byType { type count } byGrade { grade count } byStars { stars count } inScope inScopeByHandOnly
  standardized standardizationRate { numerator denominator } demonstrationSites townshipsWithDemonstrationSite
  vendors vendorMembers platesHung { numerator denominator }`;
const SIX = ['MEMBER_INFORMATION', 'ORGANIZATION_COVERAGE', 'RULES', 'ROLE', 'EDUCATION', 'SUPPORT'];
const FIVE = ['ACTIVITY_ROOM', 'RULES', 'LEDGERS', 'PUBLICITY_CORNER', 'GALLERY'];

let database: TestDatabase;
let services: SubgraphProcesses;
let token: string;
const markets: string[] = [];
const entities: string[] = [];

const owner = (name: string) => subgraphRoles(database.adminUrl, name, testEnv().DB_ROLE_PASSWORD).ownerUrl;
const pick = <T>(items: readonly T[]): T => random.pick(items as T[]);
const date = () => pick(DATES);

const { outcomes, write } = sequenceWriter({
  url: (subgraph) => services.byName[subgraph]!.url,
  token: () => token,
  boundMs: CALL_BOUND_MS,
});
const caughtUp = (source: string, consumer: string, types: string[]) =>
  waitForFeed({
    sourceOwnerUrl: owner(source),
    consumerOwnerUrl: owner(consumer),
    source,
    types,
    context: () =>
      `${services.byName[consumer]!.output().slice(-2_000)}\n${services.byName[source]!.output().slice(-2_000)}`,
  });

/** Every figure at every level, live and as of a past date, equal to the reference; the service alive. */
async function figuresEqualReference(after: string): Promise<void> {
  await caughtUp('registry', 'markets', ['MarketEntity', 'PartyMember']);
  await caughtUp('markets', 'registry', ['Market']);
  const health = await fetch(services.byName.markets!.url.replace('/graphql', '/healthz'), {
    signal: AbortSignal.timeout(1_000),
  });
  expect(health.status).toBe(200);
  const raw = await marketRawRows(database.adminUrl, testEnv().DB_ROLE_PASSWORD);
  for (const asOf of [pick(COMPARED_DATES), today()]) {
    const answer = await executeGraphQL(
      services.byName.markets!.url,
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Region { marketFigures(asOf: "${asOf}") { ${FIGURES} } } } }`,
      { token, variables: { reps: REGIONS.map((code) => ({ __typename: 'Region', code })) }, timeoutMs: CALL_BOUND_MS },
    );
    expect(answer.errors, answer.raw.slice(0, 300)).toBeUndefined();
    for (const [index, region] of REGIONS.entries()) {
      expect(answer.data._entities[index].marketFigures, `${region} as of ${asOf}, after ${after}`).toEqual(
        marketReference(raw, region, asOf),
      );
      outcomes.compared++;
    }
  }
}

async function sequence(steps: number, next: () => Promise<string>): Promise<void> {
  for (let step = 0; step < steps; step++) await figuresEqualReference(await next());
}

beforeAll(async () => {
  database = await createTestDatabase(inject('pgAdminUrl'));
  services = await spawnSubgraphs(['registry', 'markets'], {
    adminUrl: database.adminUrl,
    env: { FEED_POLL_MS: '30' },
  });
  token = await tokenFor(testEnv(), '33');
  for (let index = 0; index < 6; index++) {
    const data = await write(
      'markets',
      `mutation($input: RegisterMarketInput!) { registerMarket(input: $input) { id } }`,
      {
        input: {
          name: `序列市场${index}`,
          type: ['FARMERS', 'PROFESSIONAL', 'COMPREHENSIVE'][index % 3],
          category: ['FARM_PRODUCE', 'CLOTHING', 'GENERAL_MERCHANDISE'][index % 3],
          regionCode: TOWNSHIPS[index % 2],
          openedOn: `201${6 + (index % 3)}-0${1 + index}-01`,
          stars: [4, 5, 3][index % 3],
          inCityDistrict: index % 2 === 0,
        },
      },
    );
    markets.push(data.registerMarket.id);
  }
  await caughtUp('markets', 'registry', ['Market']);
  for (let index = 0; index < 8; index++) {
    const data = await write(
      'registry',
      `mutation($input: RegisterMarketEntityInput!) { registerMarketEntity(input: $input) { id } }`,
      {
        input: {
          kind: 'INDIVIDUAL_BUSINESS',
          name: `序列摊位${index}`,
          regionCode: TOWNSHIPS[index % 2],
          registeredOn: '2018-06-01',
        },
      },
    );
    entities.push(data.registerMarketEntity.id);
    for (let member = 0; member < 1 + (index % 3); member++)
      await write(
        'registry',
        `mutation($input: RegisterPartyMemberInput!) { registerPartyMember(input: $input) { id } }`,
        {
          input: {
            entityId: data.registerMarketEntity.id,
            name: `序列党员${index}-${member}`,
            isOwner: member === 0,
            category: 'FORMAL',
            distribution: 'IN_MARKET_INDIVIDUAL_BUSINESS',
            relationshipType: 'FLOATING',
            foundVia: 'PHONE',
            registeredOn: '2018-06-01',
          },
        },
      );
  }
}, 180_000);

afterAll(async () => {
  console.log(
    `market sequences (seed ${SEED}): ${outcomes.accepted} writes accepted, refused ${JSON.stringify(Object.fromEntries(outcomes.refused))}, ${outcomes.compared} figure sets equal to the reference`,
  );
  await services?.stop();
  await database?.drop();
});

describe('generated sequences of dated markets writes, per aggregate', () => {
  it('markets: rated, closed and reopened, added to and taken out of scope, on the same and earlier days', async () => {
    await sequence(24, async () => {
      const id = pick(markets);
      const on = date();
      const choice = random.next();
      if (choice < 0.4) {
        const input = pick([
          { stars: pick([null, 3, 4, 5]) },
          { keyGrade: pick([null, 'PROVINCIAL_KEY']) },
          { countyCentre: random.next() < 0.5 },
        ]);
        await write(
          'markets',
          `mutation($id: ID!, $on: LocalDate!, $input: MarketRatingInput!) { changeMarketRating(id: $id, effectiveOn: $on, input: $input) { id } }`,
          { id, on, input },
        );
        return `rating ${JSON.stringify(input)} on ${on}`;
      }
      if (choice < 0.7) {
        const mutation = pick(['closeMarket(id: $id, closedOn: $on)', 'reopenMarket(id: $id, reopenedOn: $on)']);
        await write('markets', `mutation($id: ID!, $on: LocalDate!) { ${mutation} { id } }`, { id, on });
        return `${mutation} on ${on}`;
      }
      const mutation = pick([
        'addMarketToScope(id: $id, fromDate: $on, reason: "重点培育")',
        'removeMarketFromScope(id: $id, fromDate: $on)',
      ]);
      await write('markets', `mutation($id: ID!, $on: LocalDate!) { ${mutation} { id } }`, { id, on });
      return `${mutation} on ${on}`;
    });
  });

  it('六化 answers and 五个一 checks: whole years met, answers changed the same day, items gone', async () => {
    await sequence(20, async () => {
      const id = pick(markets);
      const on = date();
      if (random.next() < 0.55) {
        // Mostly met, so that whole years are standardized now and then.
        for (const item of random.next() < 0.3 ? SIX : [pick(SIX)])
          await write(
            'markets',
            `mutation($id: ID!, $input: MarketStandardInput!) { recordMarketStandard(marketId: $id, input: $input) { id } }`,
            {
              id,
              input: {
                year: Number(on.slice(0, 4)),
                item,
                met: random.next() < 0.85,
                evidence: '台账',
                recordedOn: on,
              },
            },
          );
        return `六化 on ${on}`;
      }
      for (const item of random.next() < 0.3 ? FIVE : [pick(FIVE)])
        await write(
          'markets',
          `mutation($id: ID!, $input: DemonstrationCheckInput!) { recordDemonstrationCheck(marketId: $id, input: $input) { id } }`,
          {
            id,
            input: { item, inPlace: random.next() < 0.85, evidence: '照片', recordedOn: on },
          },
        );
      return `五个一 on ${on}`;
    });
  });

  it('vendors: placed, moved between markets, taken out and deregistered by registry, back-dated', async () => {
    await sequence(24, async () => {
      const id = pick(entities);
      const on = date();
      const choice = random.next();
      if (choice < 0.55) {
        const market = pick(markets);
        await write(
          'registry',
          `mutation($id: ID!, $m: ID!, $on: LocalDate!) { setMarketEntityMarket(id: $id, marketId: $m, effectiveOn: $on) { id } }`,
          { id, m: market, on },
        );
        return `vendor placed on ${on}`;
      }
      if (choice < 0.8) {
        await write(
          'registry',
          `mutation($id: ID!, $on: LocalDate!) { clearMarketEntityMarket(id: $id, effectiveOn: $on) { id } }`,
          { id, on },
        );
        return `vendor out on ${on}`;
      }
      const status = pick(['SUSPENDED', 'OPERATING', 'DEREGISTERED']);
      await write(
        'registry',
        `mutation($id: ID!, $s: MarketEntityStatus!, $on: LocalDate!) { changeMarketEntityStatus(id: $id, status: $s, effectiveOn: $on) { id } }`,
        { id, s: status, on },
      );
      return `entity ${status} on ${on}`;
    });
    // The history must have exercised the figures, not compared zeros.
    const raw = await marketRawRows(database.adminUrl, testEnv().DB_ROLE_PASSWORD);
    const seen = COMPARED_DATES.map((asOf) => marketReference(raw, '33', asOf));
    expect(seen.some((figures) => figures.vendors > 0)).toBe(true);
    expect(seen.some((figures) => figures.inScope > 0 && figures.inScope < figures.markets)).toBe(true);
    expect(outcomes.accepted).toBeGreaterThan(40);
  });
});
