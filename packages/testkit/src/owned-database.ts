import { inject } from 'vitest';
import { openOwnerOrm, prepareSubgraphDatabase, subgraphRoles, type SubgraphDatabaseDefinition } from '@xgz/kit';
import { createTestDatabase } from './database.js';
import { testEnv } from './subgraphs.js';

export interface OwnedSubgraphDatabase {
  /** The ORM as the schema's owner (beneath RLS): what kit features are tested through. */
  orm: Awaited<ReturnType<typeof openOwnerOrm>>;
  /** The owner role's URL, for statements outside the ORM (truncate between runs, roll-forwards). */
  ownerUrl: string;
  stop(): Promise<void>;
}

/**
 * A fresh copy of the template database with one more subgraph's schema prepared — its kit features'
 * tables from the kit's migrations — opened as its owner. For tests of the kit's features on
 * real PostgreSQL, through a subgraph made of a module or two, without serving it.
 */
export async function openOwnedSubgraphDatabase(
  definition: SubgraphDatabaseDefinition,
): Promise<OwnedSubgraphDatabase> {
  const database = await createTestDatabase(inject('pgAdminUrl'));
  const settings = { adminUrl: database.adminUrl, rolePassword: testEnv().DB_ROLE_PASSWORD };
  await prepareSubgraphDatabase(definition, settings);
  const orm = await openOwnerOrm(definition, settings);
  return {
    orm,
    ownerUrl: subgraphRoles(database.adminUrl, definition.name, settings.rolePassword).ownerUrl,
    stop: async () => {
      await orm.close();
      await database.drop();
    },
  };
}
