import { Migration } from '@mikro-orm/migrations';
import { figuresPerLevelStatements } from '@xgz/kit';

export class Migration20261207121500_figures_per_level extends Migration {
  override name = 'Migration20261207121500_figures_per_level';

  override up(): void | Promise<void> {
    // Figures kept per region at every level: a read takes the regions' own rows.
    for (const statement of figuresPerLevelStatements('organizations')) this.addSql(statement);
  }
}
