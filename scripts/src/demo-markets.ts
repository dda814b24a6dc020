/**
 * Demo markets for npm start, registered through the gateway as a user would (so their dated
 * histories, scope and figures follow): per demo city, a market in each of its first townships,
 * cycling through a four-star farmers' market in a city district, a professional market (some of
 * them provincial key markets), a five-star comprehensive market and a county-centre farmers'
 * market — most of them in the standardization scope, not all — and half the city-district farmers'
 * markets lowered to three stars since last July, so the scope moved within the year. Idempotent:
 * skipped when any market exists.
 */
import { today } from '@xgz/kit';

const DEMO_CITIES = ['3301', '4601', '4419'];
const MARKETS_PER_CITY = 12;
const OPENED_ON = '2015-03-01';
const PROFESSIONAL_CATEGORIES = ['CLOTHING', 'HARDWARE_MOULDS', 'TIMBER', 'BUILDING_MATERIALS', 'SMALL_COMMODITIES'];

type Call = (
  query: string,
  variables?: Record<string, unknown>,
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
  const call: Call = async (query, variables) => {
    const answer = (await (
      await fetch(gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${current}` },
        body: JSON.stringify({ query, variables }),
      })
    ).json()) as Awaited<ReturnType<Call>>;
    if (answer.errors && query.trimStart().startsWith('mutation'))
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
      if (index % 8 === 0)
        await call(
          `mutation($id: ID!, $on: LocalDate!) { changeMarketRating(id: $id, effectiveOn: $on, input: { stars: 3 }) { id } }`,
          { id, on: lastJuly },
        );
    }
  }
  return registered;
}
