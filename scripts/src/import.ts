/**
 * pnpm run import members FILE --region CODE [--dry-run]
 * Imports the registration form (XLSX, or CSV in UTF-8/GBK) straight into the database with a
 * progress bar: all rows checked first, any bad row and nothing is written. Uses the running
 * `npm start` database, or DATABASE_URL. (`pnpm import` alone is a pnpm command: say `pnpm run import`.)
 */
import { readFile, stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { GraphQLError } from 'graphql';
import { isRegionCode, openAppOrm, parseEnv, regionScopedEntityManager, type Viewer } from '@xgz/kit';
import {
  FormFileError,
  formatOfFile,
  importPartyMembers,
  isKnownRegionCode,
  MemberImportErrorCode,
  readRegistrationForm,
  registryDatabase,
} from '@xgz/registry';
import { CliError, runCli } from './cli.js';
import { localDatabaseSettings, openLocalDatabase } from './local-database.js';
import { prepareAllDatabases } from './prepare.js';

const USAGE = 'Usage: pnpm run import members FILE --region CODE [--dry-run]   (FILE: .xlsx, or .csv in UTF-8 or GBK)';
/** A rejected file's problems shown on the terminal; the count says how many there are in all. */
const SHOWN_PROBLEMS = 20;

interface Problem {
  row: number;
  column: string;
  reason: string;
}

/** IMPORT_REJECTED as a terminal reader wants it: how many, then the first few, one per line. */
function rejection(error: GraphQLError): CliError {
  const {
    problems = [],
    problemCount = problems.length,
    rowCount = 0,
  } = error.extensions as { problems?: Problem[]; problemCount?: number; rowCount?: number };
  const lines = problems
    .slice(0, SHOWN_PROBLEMS)
    .map((problem) => `  row ${problem.row}  ${problem.column}: ${problem.reason}`);
  if (problemCount > lines.length) lines.push(`  … and ${problemCount - lines.length} more`);
  return new CliError(
    `nothing was imported: ${problemCount} problem(s) in ${rowCount} row(s). Fix them and import the file again:`,
    lines,
  );
}

async function readForm(file: string) {
  const format = formatOfFile(file);
  if (!format) throw new CliError(`${file}: unknown kind of file; the form is read from .xlsx or .csv files.`);
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new CliError(`${file}: no such file.`);
  try {
    return await readRegistrationForm(await readFile(file), format);
  } catch (error) {
    if (error instanceof FormFileError) throw new CliError(`${file}: ${error.message}`);
    throw error;
  }
}

await runCli(async () => {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      region: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const [what, file, ...extra] = positionals;
  if (what !== 'members' || !file || !values.region || extra.length) throw new CliError(USAGE, [], 2);
  const region = values.region;
  if (!isRegionCode(region) || !(await isKnownRegionCode(region)))
    throw new CliError(`--region ${region} is not a region of the division tree (e.g. 330106 is 西湖区).`);
  const rows = await readForm(file);

  const env = parseEnv(localDatabaseSettings);
  const database = await openLocalDatabase(env, { reuseRunning: true });
  const bar = new SingleBar(
    { format: '{stage} |{bar}| {value}/{total} rows', hideCursor: true },
    Presets.shades_classic,
  );
  try {
    await prepareAllDatabases(database.adminUrl, env);
    const orm = await openAppOrm(registryDatabase, { adminUrl: database.adminUrl, rolePassword: env.DB_ROLE_PASSWORD });
    try {
      // The operator acts as an admin of the import region; every row written is audited under this name.
      const viewer: Viewer = { subject: `cli:${userInfo().username}`, regionCode: region, roles: ['admin'] };
      let stage = '';
      const started = performance.now();
      const result = await importPartyMembers(regionScopedEntityManager(orm, region), viewer, rows, {
        regionCode: region,
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
      console.log(
        `${result.dryRun ? 'dry run: would import' : 'imported'} ${result.imported} members (${result.unchanged} already there, ${result.unitsCreated} new units) from ${result.rows} rows in ${seconds.toFixed(1)} s`,
      );
    } finally {
      await orm.close();
    }
  } catch (error) {
    bar.stop();
    if (error instanceof GraphQLError) {
      throw error.extensions.code === MemberImportErrorCode.ImportRejected
        ? rejection(error)
        : new CliError(error.message);
    }
    throw error;
  } finally {
    await database.stop();
  }
});
