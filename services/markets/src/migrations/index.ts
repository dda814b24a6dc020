import { Migration20261121050517_initial } from './Migration20261121050517_initial.js';
import { Migration20261207234627_market_aggregate } from './Migration20261207234627_market_aggregate.js';
import { Migration20261208001722_market_standard } from './Migration20261208001722_market_standard.js';
import { Migration20261208003139_demonstration } from './Migration20261208003139_demonstration.js';

/** Applied in order on start; add each new file from `pnpm migration:create markets` here. */
export const migrations = [
  Migration20261121050517_initial,
  Migration20261207234627_market_aggregate,
  Migration20261208001722_market_standard,
  Migration20261208003139_demonstration,
];
