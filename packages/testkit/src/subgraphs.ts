import { inject } from 'vitest';
import { parseEnv, startSubgraph, type RunningSubgraph, type SharedEnv, type SubgraphDefinition } from '@xgz/kit';
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
  // Subgraphs that copy no one's facts first: the consumers are then told where their sources listen.
  const publishers = definitions.filter((definition) => !definition.feed?.subscriptions?.length);
  const others = definitions.filter((definition) => !publishers.includes(definition));
  const start = (definition: SubgraphDefinition<any>, feedUrls: Record<string, string>) =>
    startSubgraph(definition, {
      env,
      adminUrl: database.adminUrl,
      port: 0,
      prepare: false,
      feedUrls,
      // Module settings follow the same overrides as the shared ones.
      source: { ...process.env, NODE_ENV: 'test', ...options.env },
    });
  const owners = await Promise.all(publishers.map((definition) => start(definition, {})));
  const feedUrls = Object.fromEntries(owners.map((owner) => [owner.name, new URL(owner.url).origin]));
  const running = [...owners, ...(await Promise.all(others.map((definition) => start(definition, feedUrls))))];
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
