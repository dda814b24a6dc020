/** pnpm regions:load [--force] — loads (or reloads) the full region tree and prints the time. */
import { parseEnv } from '@xgz/kit';
import { runCli } from './cli.js';
import { localDatabaseSettings, openLocalDatabase } from './local-database.js';
import { prepareAllDatabases } from './prepare.js';

await runCli(async () => {
  const env = parseEnv(localDatabaseSettings);
  // Beside a running `npm start`, use its server: starting our own would stop it.
  const database = await openLocalDatabase(env, { reuseRunning: true });
  try {
    const result = await prepareAllDatabases(database.adminUrl, env, {
      forceRegions: process.argv.includes('--force'),
    });
    console.log(
      result.skipped
        ? `already loaded: ${result.rows} regions (use --force to reload)`
        : `loaded ${result.rows} regions in ${(result.milliseconds / 1000).toFixed(2)} s`,
    );
  } finally {
    await database.stop();
  }
});
