/**
 * Apollo Gateway over the same committed supergraph, for the gateway comparison only
 * (pnpm bench gateways). Forwards the bearer token like the real gateway.
 */
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const port = Number(process.env.GATEWAY_PORT ?? 4100);
const overrides: Record<string, string | undefined> = {
  registry: process.env.REGISTRY_URL,
  organizations: process.env.ORGANIZATIONS_URL,
  markets: process.env.MARKETS_URL,
  assessments: process.env.ASSESSMENTS_URL,
};
const gateway = new ApolloGateway({
  supergraphSdl: readFileSync(path.resolve(import.meta.dirname, '../../../schema/supergraph.graphql'), 'utf8'),
  buildService: ({ name, url }) =>
    new RemoteGraphQLDataSource<{ authorization?: string }>({
      url: overrides[name] ?? url,
      willSendRequest: ({ request, context }) => {
        if (context.authorization) request.http?.headers.set('authorization', context.authorization);
      },
    }),
});
const server = new ApolloServer({ gateway });
const { url } = await startStandaloneServer(server, {
  listen: { port, host: '127.0.0.1' },
  context: async ({ req }) => ({ authorization: req.headers.authorization }),
});
console.log(`apollo gateway at ${url}`);
