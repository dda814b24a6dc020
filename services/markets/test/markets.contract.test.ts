import { describeRegionScopedContract } from '@xgz/testkit';
import { marketsSubgraph } from '../src/server.js';

describeRegionScopedContract({
  definition: marketsSubgraph,
  entityType: 'Market',
  rootField: 'market',
  countField: 'marketCount',
  insert: async (client, row) => {
    const id = crypto.randomUUID();
    await client.query('insert into market (id, name, category, region_code) values ($1, $2, $3, $4)', [
      id,
      `市场 ${row.regionCode}`,
      'clothing',
      row.regionCode,
    ]);
    return id;
  },
});
