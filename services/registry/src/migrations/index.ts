import { Migration20261121050511_initial } from './Migration20261121050511_initial.js';
import { Migration20261121052215_market_entities } from './Migration20261121052215_market_entities.js';
import { Migration20261121052733_party_members } from './Migration20261121052733_party_members.js';
import { Migration20261207014405_import_jobs } from './Migration20261207014405_import_jobs.js';

/** Applied in order on start; add each new file from `pnpm migration:create registry` here. */
export const migrations = [
  Migration20261121050511_initial,
  Migration20261121052215_market_entities,
  Migration20261121052733_party_members,
  Migration20261207014405_import_jobs,
];
