import { describeRegionScopedContract } from '@xgz/testkit';
import { assessmentsSubgraph } from '../src/server.js';

describeRegionScopedContract({
  definition: assessmentsSubgraph,
  entityType: 'Inspection',
  rootField: 'inspection',
  countField: 'inspectionCount',
  insert: async (client, row) => {
    const id = crypto.randomUUID();
    await client.query('insert into inspection (id, region_code, inspected_on, findings) values ($1, $2, $3, $4)', [
      id,
      row.regionCode,
      '2025-06-15',
      'ledgers complete',
    ]);
    return id;
  },
});
