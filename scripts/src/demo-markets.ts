/**
 * Demo markets for npm start, registered through the gateway as a user would (so their dated
 * histories, scope and figures follow): per demo city, a market in each of its first townships,
 * cycling through a four-star farmers' market in a city district, a professional market (some of
 * them provincial key markets), a five-star comprehensive market and a county-centre farmers'
 * market — most of them in the standardization scope, not all — and half the city-district farmers'
 * markets lowered to three stars since last July, so the scope moved within the year. The demo
 * entities of each market's township become its vendors (registry places them once its copy of
 * markets has the market), and last year's "六化" answers are recorded: all six met for every other
 * market, five for the rest — so the standardization rate is neither 0 nor 100% — and every third
 * market is built as a "五个一" demonstration site. Idempotent:
 * skipped when any market exists.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { today } from '@xgz/kit';

const DEMO_CITIES = ['3301', '4601', '4419'];
const MARKETS_PER_CITY = 12;
const OPENED_ON = '2015-03-01';
const VENDORS_PER_MARKET = 6;
const STANDARD_ITEMS = ['MEMBER_INFORMATION', 'ORGANIZATION_COVERAGE', 'RULES', 'ROLE', 'EDUCATION', 'SUPPORT'];
/** How long a vendor placement waits for registry's copy of markets: 100 × 200 ms. */
const FEED_WAIT_ATTEMPTS = 100;
const FEED_WAIT_STEP_MS = 200;
const PROFESSIONAL_CATEGORIES = ['CLOTHING', 'HARDWARE_MOULDS', 'TIMBER', 'BUILDING_MATERIALS', 'SMALL_COMMODITIES'];

type Call = (
  query: string,
  variables?: Record<string, unknown>,
  options?: { quiet?: boolean },
) => Promise<{ data?: any; errors?: { extensions?: { code?: string } }[] }>;

interface RegionNode {
  code: string;
  name: string;
  level: string;
  children?: RegionNode[];
}

/** The market a township gets, by its place in the city's list. */
function demoMarket(index: number, township: RegionNode) {
  switch (index % 4) {
    case 0:
      return {
        name: `${township.name}农贸市场`,
        type: 'FARMERS',
        category: 'FARM_PRODUCE',
        stars: 4,
        inCityDistrict: true,
      };
    case 1:
      return {
        name: `${township.name}专业市场`,
        type: 'PROFESSIONAL',
        category: PROFESSIONAL_CATEGORIES[Math.floor(index / 4) % PROFESSIONAL_CATEGORIES.length],
        stars: 3,
        keyGrade: index % 8 === 1 ? 'PROVINCIAL_KEY' : null,
      };
    case 2:
      return { name: `${township.name}综合市场`, type: 'COMPREHENSIVE', category: 'GENERAL_MERCHANDISE', stars: 5 };
    default:
      return {
        name: `${township.name}中心农贸市场`,
        type: 'FARMERS',
        category: 'FARM_PRODUCE',
        stars: 2,
        countyCentre: true,
      };
  }
}

const townshipsOf = (region: RegionNode): RegionNode[] =>
  region.level === 'TOWNSHIP' ? [region] : (region.children ?? []).flatMap(townshipsOf);

export async function seedMarketsDemo(gatewayUrl: string, tokenFor: (regionCode: string) => Promise<string>) {
  const token = await tokenFor('33');
  let current = token;
  const call: Call = async (query, variables, options) => {
    const answer = (await (
      await fetch(gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${current}` },
        body: JSON.stringify({ query, variables }),
      })
    ).json()) as Awaited<ReturnType<Call>>;
    if (answer.errors && !options?.quiet && query.trimStart().startsWith('mutation'))
      console.error(`demo data: a market write refused (${answer.errors[0]?.extensions?.code ?? 'no code'})`);
    return answer;
  };
  let registered = 0;
  const lastJuly = `${Number(today().slice(0, 4)) - 1}-07-01`;
  for (const city of DEMO_CITIES) {
    current = await tokenFor(city);
    const existing = await call(`{ markets(first: 1) { totalCount } }`);
    if ((existing.data?.markets?.totalCount ?? 0) > 0) continue;
    const tree = await call(
      `query($code: ID!) { region(code: $code) { code name level children { code name level children { code name level } } } }`,
      { code: city },
    );
    const townships = townshipsOf(tree.data.region as RegionNode).slice(0, MARKETS_PER_CITY);
    for (const [index, township] of townships.entries()) {
      const answer = await call(`mutation($input: RegisterMarketInput!) { registerMarket(input: $input) { id } }`, {
        input: { ...demoMarket(index, township), regionCode: township.code, openedOn: OPENED_ON },
      });
      const id = answer.data?.registerMarket?.id;
      if (!id) continue;
      registered++;
      await seedVendors(call, id, township.code);
      await seedStandards(call, id, index % 2 === 0);
      if (index % 3 === 0) await seedDemonstration(call, id);
      if (index % 8 === 0)
        await call(
          `mutation($id: ID!, $on: LocalDate!) { changeMarketRating(id: $id, effectiveOn: $on, input: { stars: 3 }) { id } }`,
          { id, on: lastJuly },
        );
    }
  }
  return registered;
}

const later = (a: string, b: string) => (a > b ? a : b);

/** The township's first demo entities trade in the market from their registration (or its opening). */
async function seedVendors(call: Call, marketId: string, township: string) {
  const listed = await call(
    `query($code: ID) { marketEntities(filter: { regionCode: $code }, first: ${VENDORS_PER_MARKET}) { edges { node { id registeredOn marketId } } } }`,
    { code: township },
  );
  for (const { node } of (listed.data?.marketEntities?.edges ?? []) as {
    node: { id: string; registeredOn: string; marketId: string | null };
  }[]) {
    if (node.marketId) continue;
    const variables = { id: node.id, m: marketId, on: later(node.registeredOn, OPENED_ON) };
    const set = `mutation($id: ID!, $m: ID!, $on: LocalDate!) { setMarketEntityMarket(id: $id, marketId: $m, effectiveOn: $on) { id } }`;
    // Registry knows the market once its copy has it, moments after it was registered.
    for (let attempt = 0; attempt < FEED_WAIT_ATTEMPTS; attempt++) {
      const answer = await call(set, variables, { quiet: true });
      if (!answer.errors?.some((error) => error.extensions?.code === 'NOT_FOUND')) break;
      await sleep(FEED_WAIT_STEP_MS);
    }
  }
}

/** Last year's 六化 answers, one item a month from March: all six met, or the last one not. */
async function seedStandards(call: Call, marketId: string, allMet: boolean) {
  const year = Number(today().slice(0, 4)) - 1;
  for (const [index, item] of STANDARD_ITEMS.entries()) {
    await call(
      `mutation($id: ID!, $input: MarketStandardInput!) { recordMarketStandard(marketId: $id, input: $input) { id } }`,
      {
        id: marketId,
        input: {
          year,
          item,
          met: allMet || index < STANDARD_ITEMS.length - 1,
          evidence: '街道市场监管所现场查看台账',
          recordedOn: `${year}-${String(index + 3).padStart(2, '0')}-15`,
        },
      },
    );
  }
}

const DEMONSTRATION_ITEMS = ['ACTIVITY_ROOM', 'RULES', 'LEDGERS', 'PUBLICITY_CORNER', 'GALLERY'];

/** The five items of a "五个一" demonstration site, checked in place one a month last year from April. */
async function seedDemonstration(call: Call, marketId: string) {
  const year = Number(today().slice(0, 4)) - 1;
  for (const [index, item] of DEMONSTRATION_ITEMS.entries()) {
    await call(
      `mutation($id: ID!, $input: DemonstrationCheckInput!) { recordDemonstrationCheck(marketId: $id, input: $input) { id } }`,
      {
        id: marketId,
        input: {
          item,
          inPlace: true,
          evidence: '示范点验收照片',
          recordedOn: `${year}-${String(index + 4).padStart(2, '0')}-10`,
        },
      },
    );
  }
}
