import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError } from 'graphql';
import type { TokenVerifier } from '@xgz/kit';

/**
 * Rejects an operation without a valid bearer token before any subgraph is called. Subgraphs
 * verify the forwarded token again and scope every answer to its region.
 */
export function useBearerAuth(verify: TokenVerifier): GatewayPlugin {
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const request = (args.contextValue as { request?: Request }).request;
      try {
        await verify(request?.headers.get('authorization'));
      } catch (error) {
        setResultAndStopExecution({ errors: [error instanceof GraphQLError ? error : new GraphQLError('Unauthenticated')] });
      }
    },
  };
}
