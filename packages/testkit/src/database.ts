import { randomBytes } from 'node:crypto';
import { withConnection, withDatabase } from '@xgz/kit';

export { withConnection, type SqlClient } from '@xgz/kit';

/** Built once per run by the global setup: roles, schemas, migrations, region tree. */
export const TEMPLATE_DATABASE = 'xgz_template';

export interface TestDatabase {
  /** Admin URL of this file's own database. */
  adminUrl: string;
  drop(): Promise<void>;
}

const adminQuery = (adminUrl: string, sql: string) =>
  withConnection(adminUrl, async (client) => void (await client.query(sql)));

/** A fresh copy of the template database for one test file. */
export async function createTestDatabase(serverAdminUrl: string): Promise<TestDatabase> {
  const name = `xgz_test_${randomBytes(6).toString('hex')}`;
  // Two copies started at the same instant can trip over each other; the second simply retries.
  for (let attempt = 1; ; attempt++) {
    try {
      await adminQuery(serverAdminUrl, `create database ${name} template ${TEMPLATE_DATABASE} strategy file_copy`);
      break;
    } catch (error) {
      if (attempt >= 10 || !/being accessed by other users/.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
  return {
    adminUrl: withDatabase(serverAdminUrl, name),
    drop: () => adminQuery(serverAdminUrl, `drop database if exists ${name} with (force)`),
  };
}
