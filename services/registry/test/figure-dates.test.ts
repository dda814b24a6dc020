/** Figures asked for dates at the edges: before the first report-date snapshot, today, the future. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, today } from '@xgz/kit';
import { errorCodes, executeGraphQL, startTestSubgraphs, tokenFor, type SubgraphHarness } from '@xgz/testkit';
import { marketEntityFacts } from '../src/modules/market-entity/market-entity.facts.js';
import { registrySubgraph } from '../src/server.js';
import { directCounter } from './direct-count.js';

let harness: SubgraphHarness;
let url: string;
let token: string;

const EXISTING = `query($code: ID!, $asOf: LocalDate) { region(code: $code) { registryFigures(asOf: $asOf) { asOf marketEntities { existing } } } }`;
const existing = (code: string, asOf?: string) => executeGraphQL(url, EXISTING, { token, variables: { code, asOf } });
const dayAfter = (date: string) => addDays(date, 1);

beforeAll(async () => {
  harness = await startTestSubgraphs([registrySubgraph]);
  url = harness.subgraphs.registry!.url;
  token = await tokenFor(harness.env, '33', ['official']);
  for (const [name, registeredOn] of [
    ['老街钟表铺', '1995-03-01'],
    ['新桥米店', '1999-08-15'],
    ['港湾饭店', '2003-01-10'],
  ] as const) {
    const response = await executeGraphQL(
      url,
      `mutation { registerMarketEntity(input: { kind: INDIVIDUAL_BUSINESS, name: "${name}", regionCode: "330106007", registeredOn: "${registeredOn}" }) { id } }`,
      { token },
    );
    expect(response.errors).toBeUndefined();
  }
});
afterAll(() => harness?.stop());

describe('figures as of a date', () => {
  it('answers dates before the first report date (2000-06-30) from the deltas alone, equal to the raw history', async () => {
    const direct = await directCounter(harness, marketEntityFacts);
    for (const asOf of ['1994-12-31', '1995-03-01', '1999-12-31', '2000-06-29', '2003-01-10']) {
      for (const code of ['330106007', '330106', '3301', '33']) {
        const response = await existing(code, asOf);
        expect(response.errors, `${code} ${asOf}`).toBeUndefined();
        expect(response.data.region.registryFigures.marketEntities.existing, `${code} ${asOf}`).toBe(
          direct(code, asOf)('entity.existing'),
        );
      }
    }
    expect((await existing('330106007', '1999-12-31')).data.region.registryFigures.marketEntities.existing).toBe(2);
  });

  it('refuses a date in the future with BAD_USER_INPUT, and answers today like live figures', async () => {
    const future = await existing('3301', dayAfter(today()));
    expect(errorCodes(future)).toEqual(['BAD_USER_INPUT']);
    expect(future.errors![0]!.message).toContain('in the future');
    expect(future.data.region.registryFigures).toBeNull();
    const live = await existing('3301');
    expect((await existing('3301', today())).data).toEqual(live.data);
    expect(live.data.region.registryFigures.asOf).toBe(today());
  });
});
