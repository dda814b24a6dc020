import { MikroORM, type EntitySchema, type MigrationObject, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type { Constructor } from '@mikro-orm/core';
import type { Migration } from '@mikro-orm/migrations';
import { logger } from './logger.js';
import { countStatement } from './query-counter.js';
import { rollForwardSnapshots } from './figures/snapshot-roll-forward.js';
import { provisionSubgraph, subgraphRoles } from './provision.js';
import { withConnection } from './sql-connection.js';

/** What a subgraph tells the kit about its persistence. */
export interface SubgraphDatabaseDefinition {
  /** Subgraph name; also its Postgres schema and the prefix of its roles. */
  name: string;
  entities: EntitySchema<any, any>[];
  migrations: (MigrationObject | Constructor<Migration>)[];
}

export interface DatabaseConnectionSettings {
  /** Admin (superuser or CREATEROLE) URL of the database that holds this subgraph's schema. */
  adminUrl: string;
  rolePassword: string;
  debug?: boolean;
  /** The longest one statement may run (PostgreSQL's statement_timeout); unset: no limit (migrations, bulk loads). */
  statementTimeoutMs?: number;
}

/**
 * A transaction left idle this long is ended by the server, its locks released: a process blocked
 * (or stopped) in the middle of a transaction cannot hold a record for longer.
 */
export const IDLE_IN_TRANSACTION_TIMEOUT_MS = 60_000;

function ormOptions(
  definition: SubgraphDatabaseDefinition,
  clientUrl: string,
  debug = false,
  statementTimeoutMs?: number,
): Options {
  return {
    clientUrl,
    schema: definition.name,
    entities: definition.entities,
    extensions: [Migrator],
    migrations: {
      migrationsList: definition.migrations,
      tableName: 'mikro_orm_migrations',
      schema: definition.name,
      snapshot: false,
      transactional: true,
      allOrNothing: true,
    },
    pool: { min: 0, max: 8 },
    // A server that is down or hung fails a connect in seconds, rather than holding a request forever.
    // Statements over their budget are cancelled by the server itself (TIMEOUT), and roll their transaction back.
    driverOptions: {
      connectionTimeoutMillis: 5_000,
      idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_TIMEOUT_MS,
      ...(statementTimeoutMs ? { statement_timeout: statementTimeoutMs } : {}),
    },
    debug,
    // Migration progress and ORM notices go to our logger (debug), not to stdout.
    logger: (message: string) => logger.debug(message),
    onQuery: countStatement,
    // Each request's RLS scope is applied with set_config(..., true) inside the statement's transaction.
    sessionContext: 'transaction',
    allowGlobalContext: false,
  };
}

/**
 * Creates roles and schema if missing, applies pending migrations and brings the figures'
 * report-date snapshots up to today, as the owner role. Safe to run on every start.
 */
export async function prepareSubgraphDatabase(
  definition: SubgraphDatabaseDefinition,
  settings: DatabaseConnectionSettings,
): Promise<void> {
  const roles = await provisionSubgraph(settings.adminUrl, definition.name, settings.rolePassword);
  const owner = await MikroORM.init(ormOptions(definition, roles.ownerUrl, settings.debug));
  try {
    await owner.migrator.up();
  } finally {
    await owner.close();
  }
  await withConnection(roles.ownerUrl, (client) => rollForwardSnapshots(client));
}

/** Opens the ORM as the owner role: migrations, bulk loads and seeds only. */
export function openOwnerOrm(
  definition: SubgraphDatabaseDefinition,
  settings: DatabaseConnectionSettings,
): Promise<MikroORM> {
  const roles = subgraphRoles(settings.adminUrl, definition.name, settings.rolePassword);
  return MikroORM.init(ormOptions(definition, roles.ownerUrl, settings.debug, settings.statementTimeoutMs));
}

/** Opens the ORM as the app role, which RLS applies to: what a running service uses. */
export function openAppOrm(
  definition: SubgraphDatabaseDefinition,
  settings: DatabaseConnectionSettings,
): Promise<MikroORM> {
  const roles = subgraphRoles(settings.adminUrl, definition.name, settings.rolePassword);
  return MikroORM.init(ormOptions(definition, roles.appUrl, settings.debug, settings.statementTimeoutMs));
}
