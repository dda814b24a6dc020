import { expect } from 'vitest';
import { describeRegionScopedContract, executeGraphQL } from '@xgz/testkit';
import { marketsSubgraph } from '../src/server.js';
import { marketInput } from './markets-fixture.js';

describeRegionScopedContract({
  definition: marketsSubgraph,
  entityType: 'Market',
  rootField: 'market',
  countField: 'marketCount',
  // Through the subgraph's own mutation: its counts are pre-aggregated figures that follow the history.
  insert: async (_client, row, via) => {
    const response = await executeGraphQL(
      via.url,
      `mutation($input: RegisterMarketInput!) { registerMarket(input: $input) { id } }`,
      { token: via.token, variables: { input: marketInput(`市场 ${row.regionCode}`, { regionCode: row.regionCode }) } },
    );
    expect(response.errors).toBeUndefined();
    return response.data.registerMarket.id;
  },
});
