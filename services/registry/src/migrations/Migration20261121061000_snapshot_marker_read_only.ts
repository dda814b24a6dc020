import { Migration } from '@mikro-orm/migrations';

/** Only the owner (roll-forward) marks report dates complete; the service role may only read them. */
export class Migration20261121061000_snapshot_marker_read_only extends Migration {
  override name = 'Migration20261121061000_snapshot_marker_read_only';

  override up(): void {
    this.addSql(`revoke insert, update, delete, truncate on "registry"."figure_snapshot_date" from registry_app;`);
  }

  override down(): void {
    this.addSql(`grant insert, update, delete on "registry"."figure_snapshot_date" to registry_app;`);
  }
}
