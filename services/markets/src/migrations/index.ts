import { Migration20261121050517_initial } from './Migration20261121050517_initial.js';

/** Applied in order on start; add each new file from `pnpm migration:create markets` here. */
export const migrations = [Migration20261121050517_initial];
