import { Migration20261121050511_initial } from './Migration20261121050511_initial.js';
import { Migration20261121052215_market_entities } from './Migration20261121052215_market_entities.js';
import { Migration20261121052733_party_members } from './Migration20261121052733_party_members.js';
import { Migration20261121053843_figure_snapshots } from './Migration20261121053843_figure_snapshots.js';
import { Migration20261121061000_snapshot_marker_read_only } from './Migration20261121061000_snapshot_marker_read_only.js';
import { Migration20261125090000_fact_feed } from './Migration20261125090000_fact_feed.js';
import { Migration20261125100000_work_lists } from './Migration20261125100000_work_lists.js';
import { Migration20261207011211_period_checks } from './Migration20261207011211_period_checks.js';
import { Migration20261207014405_import_jobs } from './Migration20261207014405_import_jobs.js';
import { Migration20261207121500_figures_per_level } from './Migration20261207121500_figures_per_level.js';

/** Applied in order on start; add each new file from `pnpm migration:create registry` here. */
export const migrations = [
  Migration20261121050511_initial,
  Migration20261121052215_market_entities,
  Migration20261121052733_party_members,
  Migration20261121053843_figure_snapshots,
  Migration20261121061000_snapshot_marker_read_only,
  Migration20261125090000_fact_feed,
  Migration20261125100000_work_lists,
  Migration20261207011211_period_checks,
  Migration20261207014405_import_jobs,
  Migration20261207121500_figures_per_level,
];
