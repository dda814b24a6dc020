import { inject } from 'vitest';
import {
  freePort,
  parseEnv,
  startSubgraph,
  type RunningSubgraph,
  type SharedEnv,
  type SubgraphDefinition,
} from '@xgz/kit';
import { createTestDatabase, type TestDatabase } from './database.js';

/** The shared settings tests run with; `overrides` as environment variables would give them (REQUEST_TIMEOUT_MS: '500'). */
export const testEnv = (overrides: Record<string, string> = {}): SharedEnv =>
  parseEnv({}, { NODE_ENV: 'test', ...overrides });

export interface SubgraphHarness {
  env: SharedEnv;
  database: TestDatabase;
  subgraphs: Record<string, RunningSubgraph>;
  stop(): Promise<void>;
}

/**
 * This file's own database plus the given subgraphs serving it on free ports (127.0.0.1).
 * The template is already migrated, so subgraphs skip provisioning.
 */
export async function startTestSubgraphs(
  definitions: SubgraphDefinition<any>[],
  options: { env?: Record<string, string> } = {},
): Promise<SubgraphHarness> {
  const env = testEnv(options.env);
  const database = await createTestDatabase(inject('pgAdminUrl'));
  // Feeds may run both ways (registry copies markets' markets, markets registry's entities): every
  // subgraph's port is chosen first, so each is told where its sources listen, and all start at once.
  const ports = await Promise.all(definitions.map(() => freePort()));
  const feedUrls = Object.fromEntries(
    definitions.map((definition, index) => [definition.name, `http://127.0.0.1:${ports[index]}`]),
  );
  const running = await Promise.all(
    definitions.map((definition, index) =>
      startSubgraph(definition, {
        env,
        adminUrl: database.adminUrl,
        port: ports[index]!,
        prepare: false,
        feedUrls,
        // Only the feeds of the subgraphs started here: another's owner is not running.
        feedSources: definitions.map((each) => each.name),
        // Module settings follow the same overrides as the shared ones.
        source: { ...process.env, NODE_ENV: 'test', ...options.env },
      }),
    ),
  );
  const subgraphs = Object.fromEntries(running.map((subgraph) => [subgraph.name, subgraph]));
  return {
    env,
    database,
    subgraphs,
    stop: async () => {
      await Promise.all(running.map((subgraph) => subgraph.stop().catch(() => {})));
      await database.drop();
    },
  };
}
