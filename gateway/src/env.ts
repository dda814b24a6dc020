import { z } from 'zod';
import path from 'node:path';
import { parseEnv, portVariable } from '@xgz/kit';

const optionalUrl = z.string().url().optional();

/** Gateway settings; subgraph URLs default to the ones composed into the committed supergraph. */
export const parseGatewayEnv = (source: NodeJS.ProcessEnv = process.env) =>
  parseEnv(
    {
      GATEWAY_PORT: portVariable(4000),
      GATEWAY_HOST: z.string().default('127.0.0.1'),
      SUPERGRAPH_PATH: z.string().default(path.resolve(import.meta.dirname, '../../schema/supergraph.graphql')),
      /** Per-subgraph timeout: a slow subgraph yields a masked error, the rest of the answer still comes. */
      SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
      /** Query planner: the Rust one (measured fastest here) or the JavaScript one, for comparison. */
      GATEWAY_PLANNER: z.enum(['rust', 'js']).default('rust'),
      REGISTRY_URL: optionalUrl,
      ORGANIZATIONS_URL: optionalUrl,
      MARKETS_URL: optionalUrl,
      ASSESSMENTS_URL: optionalUrl,
    },
    source,
  );

export type GatewayEnv = ReturnType<typeof parseGatewayEnv>;

/** Subgraph URL overrides from the environment, by subgraph name. */
export function subgraphUrlOverrides(env: GatewayEnv): Record<string, string> {
  const candidates: Record<string, string | undefined> = {
    registry: env.REGISTRY_URL,
    organizations: env.ORGANIZATIONS_URL,
    markets: env.MARKETS_URL,
    assessments: env.ASSESSMENTS_URL,
  };
  const overrides: Record<string, string> = {};
  for (const [name, url] of Object.entries(candidates)) if (url) overrides[name] = url;
  return overrides;
}
