/**
 * pnpm run sample-form ROWS FILE [--region COUNTY]
 * Writes a deterministic registration form (.xlsx or .csv) with ROWS members in the townships of a
 * county (default 330106, 西湖区), to try `pnpm run import members FILE --region …`.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parseEnv, subgraphRoles, withConnection } from '@xgz/kit';
import { formatOfFile, writeRegistrationForm } from '@xgz/registry';
import { CliError, runCli } from './cli.js';
import { localDatabaseSettings, openLocalDatabase } from './local-database.js';
import { prepareAllDatabases } from './prepare.js';
import { sampleRegistrationForm } from './sample-form.js';

await runCli(async () => {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { region: { type: 'string', default: '330106' } },
  });
  const [count, file] = positionals;
  if (!count || !file || !Number(count))
    throw new CliError('Usage: pnpm run sample-form ROWS FILE [--region COUNTY]', [], 2);
  const format = formatOfFile(file);
  if (!format) throw new CliError(`${file}: name the file .xlsx or .csv.`);
  const env = parseEnv(localDatabaseSettings);
  const database = await openLocalDatabase(env, { reuseRunning: true });
  try {
    await prepareAllDatabases(database.adminUrl, env);
    const townships = await withConnection(
      subgraphRoles(database.adminUrl, 'registry', env.DB_ROLE_PASSWORD).ownerUrl,
      async (client) =>
        (
          await client.query<{ code: string }>(
            `select code from region where level = 'TOWNSHIP' and starts_with(code, $1) order by code`,
            [values.region],
          )
        ).rows.map((row) => row.code),
    );
    if (!townships.length)
      throw new CliError(`no townships under ${values.region}: pass a province, city or county code.`);
    await writeFile(file, await writeRegistrationForm(sampleRegistrationForm(Number(count), townships), format));
    console.log(`wrote ${count} rows over ${townships.length} townships of ${values.region} to ${file}`);
  } finally {
    await database.stop();
  }
});
