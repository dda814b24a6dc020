import { Migration } from '@mikro-orm/migrations';
import type { MigrationObject } from '@mikro-orm/postgresql';
import { regionScopeExpression } from './rls-policy.js';

/** Where a kit migration runs: the subgraph's schema and the role its requests use. */
export interface KitMigrationTarget {
  schema: string;
  appRole: string;
  /** The schema-qualified, quoted name of one of the feature's tables. */
  table(name: string): string;
}

/**
 * One change to the tables of a kit feature (history, figures, fed copy, audit), written once in
 * the kit and applied to the schema of every subgraph that uses the feature, before the
 * subgraph's own migrations. A kit change is one of these, not one migration per subgraph.
 */
export interface KitMigration {
  /** Recorded in the subgraph's migration table; `Kit<timestamp>_<what>`, so they sort in the order written. */
  name: string;
  statements(target: KitMigrationTarget): string[];
}

export function kitMigrationTarget(schema: string): KitMigrationTarget {
  return { schema, appRole: `${schema}_app`, table: (name) => `"${schema}"."${name}"` };
}

/**
 * Row-level security for a table placed at a region (see rls-policy.ts). Dropped and created, so a
 * baseline may run where an older migration already made the policy.
 */
export function regionScopeStatements(table: string, column = 'region_code'): string[] {
  const expression = regionScopeExpression(column);
  return [
    `alter table ${table} enable row level security;`,
    `drop policy if exists "region_scope" on ${table};`,
    `create policy "region_scope" on ${table} using (${expression}) with check (${expression});`,
  ];
}

/** A check an entity declares (e.g. dated-link.ts periodCheck), replaced if present. */
export function checkStatement(table: string, check: { name: string; expression: string }): string {
  return `alter table ${table} drop constraint if exists "${check.name}", add constraint "${check.name}" check (${check.expression});`;
}

/** The kit migrations as the subgraph's migrator runs them, bound to its schema. */
export function kitMigrationObjects(migrations: readonly KitMigration[], schema: string): MigrationObject[] {
  const target = kitMigrationTarget(schema);
  return migrations.map((migration) => {
    class KitFeatureMigration extends Migration {
      override name = migration.name;

      override up(): void {
        for (const statement of migration.statements(target)) this.addSql(statement);
      }
    }
    return { name: migration.name, class: KitFeatureMigration };
  });
}
