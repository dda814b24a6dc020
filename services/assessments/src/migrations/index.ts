import { Migration20261121050519_initial } from './Migration20261121050519_initial.js';

/** Applied in order on start; add each new file from `pnpm migration:create assessments` here. */
export const migrations = [Migration20261121050519_initial];
