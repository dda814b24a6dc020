import { createGatewayRuntime, type GatewayRuntime } from '@graphql-hive/gateway-runtime';
import http from '@graphql-mesh/transport-http';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { createTokenVerifier, listenHttp, type RunningServer } from '@xgz/kit';
import { useBearerAuth } from './auth.plugin.js';
import { maskGatewayError } from './error-masking.js';
import { subgraphUrlOverrides, type GatewayEnv } from './env.js';

export interface GatewayOptions {
  env: GatewayEnv;
  /** Supergraph SDL; read from env.SUPERGRAPH_PATH (the committed schema/supergraph.graphql) when absent. */
  supergraphSdl?: string;
  /** Subgraph URLs by name, over the env overrides and the URLs composed into the supergraph. */
  subgraphUrls?: Record<string, string>;
}

/** The GraphiQL page with every asset inline, so the IDE works with no internet; loaded on first use. */
const offlineGraphiQL = async (options?: object) => {
  const { renderGraphiQL } = await import('@graphql-yoga/render-graphiql');
  return renderGraphiQL({
    title: '小个专 party building — GraphQL',
    ...options,
    headers: JSON.stringify({ Authorization: 'Bearer <paste the output of: pnpm token 33 admin>' }, null, 2),
  } as never);
};

/** Builds the gateway (Hive Gateway runtime, Rust query planner by default). Pure: no port is opened. */
export function createGateway(options: GatewayOptions): GatewayRuntime {
  const { env } = options;
  const urls = { ...subgraphUrlOverrides(env), ...options.subgraphUrls };
  const verify = createTokenVerifier(env);
  return createGatewayRuntime({
    supergraph: options.supergraphSdl ?? readFileSync(env.SUPERGRAPH_PATH, 'utf8'),
    ...(env.GATEWAY_PLANNER === 'rust' ? { unifiedGraphHandler } : {}),
    transports: { http },
    transportEntries: Object.fromEntries(Object.entries(urls).map(([name, location]) => [name, { location }])),
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => {
        const authorization = request.headers.get('authorization');
        return authorization ? { authorization } : {};
      },
    },
    upstreamTimeout: env.SUBGRAPH_TIMEOUT_MS,
    maskedErrors: { maskError: maskGatewayError },
    healthCheckEndpoint: '/healthz',
    readinessCheckEndpoint: '/readyz',
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: { title: '小个专 party building — GraphQL' },
    renderGraphiQL: offlineGraphiQL as never,
    logging: env.LOG_LEVEL === 'debug' ? 'debug' : false,
    plugins: () => [useBearerAuth(verify)],
  });
}

/** Serves the gateway on env.GATEWAY_HOST:GATEWAY_PORT (127.0.0.1 by default). */
export async function startGateway(options: GatewayOptions): Promise<RunningServer> {
  const gateway = createGateway(options);
  const listening = await listenHttp(createServer(gateway), options.env.GATEWAY_PORT, options.env.GATEWAY_HOST);
  return {
    url: `http://${options.env.GATEWAY_HOST}:${listening.port}/graphql`,
    port: listening.port,
    stop: async () => {
      await listening.close();
      await gateway.dispose();
    },
  };
}
