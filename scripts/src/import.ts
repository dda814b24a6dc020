/**
 * pnpm run import members FILE --region CODE [--dry-run]
 * Imports the registration form (XLSX, or CSV in UTF-8/GBK) straight into the database with a
 * progress bar: all rows checked first, any bad row and nothing is written. Uses the running
 * `pnpm start` database, or DATABASE_URL. (`pnpm import` alone is a pnpm command: say `pnpm run import`.)
 */
import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { GraphQLError } from 'graphql';
import { z } from 'zod';
import { openAppOrm, parseEnv, regionScopedEntityManager, type Viewer } from '@xgz/kit';
import { formatOfFile, importPartyMembers, readRegistrationForm, registryDatabase } from '@xgz/registry';
import { openLocalDatabase } from './local-database.js';
import { prepareAllDatabases } from './prepare.js';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { region: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
});
const [what, file] = positionals;
if (what !== 'members' || !file || !values.region) {
  console.error('Usage: pnpm run import members FILE --region CODE [--dry-run]   (FILE: .xlsx or .csv)');
  process.exit(1);
}

const env = parseEnv({ EMBEDDED_PG_PORT: z.coerce.number().int().default(5433) });
const database = await openLocalDatabase(env, env.EMBEDDED_PG_PORT, { reuseRunning: true });
const bar = new SingleBar({ format: '{stage} |{bar}| {value}/{total} rows', hideCursor: true }, Presets.shades_classic);
try {
  await prepareAllDatabases(database.adminUrl, env);
  const orm = await openAppOrm(registryDatabase, { adminUrl: database.adminUrl, rolePassword: env.DB_ROLE_PASSWORD });
  // The operator acts as an admin of the import region; every row written is audited under this name.
  const viewer: Viewer = { subject: `cli:${userInfo().username}`, regionCode: values.region, roles: ['admin'] };
  const rows = await readRegistrationForm(await readFile(file), formatOfFile(file));
  let stage = '';
  const started = performance.now();
  const result = await importPartyMembers(regionScopedEntityManager(orm, values.region), viewer, rows, {
    regionCode: values.region,
    dryRun: values['dry-run'],
    onProgress: (progress) => {
      if (progress.stage !== stage) {
        if (stage) bar.stop();
        stage = progress.stage;
        bar.start(progress.total, progress.done, { stage: stage.padEnd(8) });
      } else bar.update(progress.done);
    },
  });
  bar.stop();
  const seconds = (performance.now() - started) / 1000;
  console.log(`${result.dryRun ? 'dry run: would import' : 'imported'} ${result.imported} members (${result.unchanged} already there, ${result.unitsCreated} new units) from ${result.rows} rows in ${seconds.toFixed(1)} s`);
  await orm.close();
} catch (error) {
  bar.stop();
  if (error instanceof GraphQLError) {
    console.error(error.message);
    for (const problem of (error.extensions.problems as { row: number; column: string; reason: string }[] | undefined) ?? []) {
      console.error(`  row ${problem.row}  ${problem.column}: ${problem.reason}`);
    }
    process.exitCode = 1;
  } else throw error;
} finally {
  await database.stop();
}
