import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { buildASTSchema, GraphQLError, parse, type GraphQLSchema } from 'graphql';
import { assertAffordable, parseWithinLimits, queryShapeRules, type QueryLimits } from '@xgz/kit';

/**
 * The kit's query limits at the gateway, as at every subgraph: tokens while parsing, depth and
 * aliases while validating, cost (with the `@listSize` sizes composed into the supergraph) before
 * anything is sent to a subgraph.
 */
export function useQueryLimits(limits: QueryLimits, supergraphSdl: string): GatewayPlugin {
  // The supergraph keeps every field's @listSize: the cost is estimated against it.
  const costSchema: GraphQLSchema = buildASTSchema(parse(supergraphSdl), { assumeValidSDL: true });
  return {
    onParse({ setParseFn }) {
      setParseFn((source) => parseWithinLimits(typeof source === 'string' ? source : source.body, limits));
    },
    onValidate({ addValidationRule }) {
      for (const rule of queryShapeRules(limits)) addValidationRule(rule);
    },
    onExecute({ args, setResultAndStopExecution }) {
      try {
        assertAffordable(costSchema, args.document, args.variableValues ?? undefined, args.operationName ?? undefined, limits);
      } catch (error) {
        if (error instanceof GraphQLError) setResultAndStopExecution({ errors: [error] });
        else throw error;
      }
    },
  };
}
