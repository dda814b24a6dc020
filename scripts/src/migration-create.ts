/**
 * pnpm migration:create <subgraph> [name]
 * Diffs the subgraph's entities against a scratch database holding its existing migrations and
 * writes the difference as a new migration file under services/<subgraph>/src/migrations/.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openOwnerOrm, parseEnv, prepareSubgraphDatabase, startScratchPostgres } from '@xgz/kit';
import { subgraphByName } from './subgraphs.js';

/** The schema is created by provisioning; the owner role may not create schemas, so the lines must go. */
async function dropSchemaStatements(file: string) {
  const text = await readFile(file, 'utf8');
  await writeFile(
    file,
    text
      .split('\n')
      .filter((line) => !/(create|drop) schema/.test(line))
      .join('\n'),
  );
}

const [name, label] = process.argv.slice(2);
if (!name) throw new Error('Usage: pnpm migration:create <subgraph> [name]');
const subgraph = subgraphByName(name);
const env = parseEnv({});
const postgres = await startScratchPostgres();
try {
  const settings = { adminUrl: postgres.adminUrl, rolePassword: env.DB_ROLE_PASSWORD };
  await prepareSubgraphDatabase(subgraph.database, settings);
  const orm = await openOwnerOrm(subgraph.database, settings);
  const folder = path.resolve(import.meta.dirname, `../../services/${name}/src/migrations`);
  const result = await orm.migrator.create(folder, false, false, label);
  await orm.close();
  if (result.fileName) await dropSchemaStatements(path.join(folder, result.fileName));
  console.log(
    result.fileName ? `wrote ${path.join(folder, result.fileName)}\nadd it to migrations/index.ts` : 'no changes',
  );
} finally {
  await postgres.stop();
}
