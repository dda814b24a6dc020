/**
 * pnpm feed:rebuild CONSUMER   — drops CONSUMER's copies of other subgraphs' facts and applies each feed again from the start
 * pnpm feed:compare CONSUMER   — compares CONSUMER's copies with what each owner publishes now (exit 1 on a difference)
 * The owners must be running (npm start, or <SOURCE>_FEED_URL); the database is npm start's, or DATABASE_URL.
 */
import { parseArgs } from 'node:util';
import { compareFeedCopy, feedClient, feedUrlVariable, openOwnerOrm, parseEnv, rebuildFeedCopy } from '@xgz/kit';
import { CliError, runCli } from './cli.js';
import { localDatabaseSettings, openLocalDatabase } from './local-database.js';
import { subgraphByName } from './subgraphs.js';

const USAGE =
  'Usage: pnpm feed:rebuild CONSUMER | pnpm feed:compare CONSUMER   (CONSUMER: a subgraph with subscriptions, e.g. organizations)';

await runCli(async () => {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { help: { type: 'boolean', short: 'h' } },
  });
  const [action, consumer, ...extra] = positionals;
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if ((action !== 'rebuild' && action !== 'compare') || !consumer || extra.length) throw new CliError(USAGE, [], 2);
  let definition;
  try {
    definition = subgraphByName(consumer);
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  const subscriptions = definition.feed?.subscriptions ?? [];
  if (subscriptions.length === 0)
    throw new CliError(`${consumer} copies no other subgraph's facts: nothing to ${action}.`);
  const env = parseEnv(localDatabaseSettings);
  const database = await openLocalDatabase(env, { reuseRunning: true });
  const orm = await openOwnerOrm(definition.database, {
    adminUrl: database.adminUrl,
    rolePassword: env.DB_ROLE_PASSWORD,
  });
  let differences = 0;
  try {
    for (const subscription of subscriptions) {
      const url = process.env[feedUrlVariable(subscription.source)] ?? subscription.defaultUrl;
      const fetchPage = feedClient({
        url,
        secret: env.FEED_SECRET!,
        consumer,
        types: subscription.types,
        pageSize: env.FEED_PAGE_SIZE,
      });
      const maintenance = { orm, subscription, fetchPage };
      const started = performance.now();
      try {
        if (action === 'rebuild') {
          const applied = await rebuildFeedCopy(maintenance);
          console.log(
            `${consumer} ← ${subscription.source}: copy rebuilt from ${applied} records in ${((performance.now() - started) / 1000).toFixed(1)} s`,
          );
        } else {
          const result = await compareFeedCopy(maintenance);
          differences += result.differingCount + result.extra;
          console.log(
            `${consumer} ← ${subscription.source}: ${result.ownerRecords} records, ${result.matching} equal, ${result.differingCount} differ or missing, ${result.extra} extra`,
          );
          for (const key of result.differing) console.log(`  differs: ${key}`);
        }
      } catch (error) {
        if (error instanceof TypeError && /fetch failed/.test(error.message)) {
          throw new CliError(
            `${subscription.source}'s feed at ${url} does not answer: start it (npm start) or set ${feedUrlVariable(subscription.source)}.`,
          );
        }
        throw error;
      }
    }
  } finally {
    await orm.close();
    await database.stop();
  }
  if (differences > 0)
    throw new CliError(`${differences} record(s) differ: run pnpm feed:rebuild ${consumer} to rebuild the copy.`);
});
