import { Migration20261121050515_initial } from './Migration20261121050515_initial.js';
import { Migration20261125031512_coverage } from './Migration20261125031512_coverage.js';
import { Migration20261125040420_organization_life } from './Migration20261125040420_organization_life.js';
import { Migration20261202155736_work_coverage_worker_kind } from './Migration20261202155736_work_coverage_worker_kind.js';
import { Migration20261207011206_period_checks } from './Migration20261207011206_period_checks.js';
import { Migration20261207013107_integrity } from './Migration20261207013107_integrity.js';

/** Applied in order on start; add each new file from `pnpm migration:create organizations` here. */
export const migrations = [
  Migration20261121050515_initial,
  Migration20261125031512_coverage,
  Migration20261125040420_organization_life,
  Migration20261202155736_work_coverage_worker_kind,
  Migration20261207011206_period_checks,
  Migration20261207013107_integrity,
];
