import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { buildASTSchema, GraphQLError, parse, type GraphQLSchema } from 'graphql';
import { assertAffordable, parseWithinLimits, queryShapeRules, type QueryLimits } from '@xgz/kit';

/**
 * The kit's query limits at the gateway, as at every subgraph: tokens while parsing, depth and
 * aliases and cost (with the `@listSize` sizes composed into the supergraph) while validating, so
 * nothing over a limit reaches a subgraph.
 */
export function useQueryLimits(limits: QueryLimits, supergraphSdl: string): GatewayPlugin {
  // The supergraph keeps every field's @listSize: the cost is estimated against it.
  const costSchema: GraphQLSchema = buildASTSchema(parse(supergraphSdl), { assumeValidSDL: true });
  return {
    onParse({ setParseFn }) {
      setParseFn((source) => parseWithinLimits(typeof source === 'string' ? source : source.body, limits));
    },
    onValidate({ params, context, addValidationRule }) {
      for (const rule of queryShapeRules(limits)) addValidationRule(rule);
      // Once the document is valid (depth and aliases included), its cost: the request's variables
      // size the pages (`first`), so it is known here, before any subgraph is called.
      return ({ valid, setResult }) => {
        if (!valid) return;
        const request = (
          context as { params?: { variables?: Record<string, unknown> | null; operationName?: string | null } }
        ).params;
        try {
          assertAffordable(
            costSchema,
            params.documentAST,
            request?.variables ?? undefined,
            request?.operationName ?? undefined,
            limits,
          );
        } catch (error) {
          if (error instanceof GraphQLError) setResult([error]);
          else throw error;
        }
      };
    },
  };
}
