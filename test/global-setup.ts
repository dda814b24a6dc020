/**
 * Once per test run: one PostgreSQL in a temporary folder, and a template database with every
 * subgraph's roles, schema and migrations and the full region tree. Each test file then copies the
 * template (CREATE DATABASE … TEMPLATE), so files run in parallel on their own data.
 */
import type { TestProject } from 'vitest/node';
import { parseEnv, startScratchPostgres, withConnection, withDatabase } from '@xgz/kit';
import { TEMPLATE_DATABASE } from '@xgz/testkit';
import { prepareAllDatabases } from '../scripts/src/prepare.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const postgres = await startScratchPostgres();
  await withConnection(postgres.adminUrl, (client) => client.query(`create database ${TEMPLATE_DATABASE}`));
  const env = parseEnv({}, { NODE_ENV: 'test' });
  const regions = await prepareAllDatabases(withDatabase(postgres.adminUrl, TEMPLATE_DATABASE), env);
  console.log(`test template: ${regions.rows} regions loaded in ${(regions.milliseconds / 1000).toFixed(2)} s`);
  project.provide('pgAdminUrl', postgres.adminUrl);
  return () => postgres.stop();
}
