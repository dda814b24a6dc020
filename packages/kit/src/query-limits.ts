import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isLeafType,
  isListType,
  Kind,
  parse,
  valueFromASTUntyped,
  type DocumentNode,
  type GraphQLField,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { getComplexity, type ComplexityEstimatorArgs } from 'graphql-query-complexity';
import { z } from 'zod';
import { ErrorCode } from './errors.js';

/**
 * Limits every GraphQL endpoint enforces (gateway and each subgraph, which the host can reach too),
 * from the environment. Over a limit: a coded error before anything is executed.
 */
export const queryLimitSettings = {
  /** Deepest selection nesting. */
  QUERY_MAX_DEPTH: z.coerce.number().int().positive().default(10),
  /** Deepest bracket nesting of the document and the JSON body ({ [ ( — list and object literals, variables), checked before parsing. */
  QUERY_MAX_NESTING: z.coerce.number().int().positive().max(1_000).default(64),
  /** Aliased fields per operation (`__typename` aliases are free). */
  QUERY_MAX_ALIASES: z.coerce.number().int().nonnegative().default(20),
  /** Lexical tokens per document: bounds the work of parsing. */
  QUERY_MAX_TOKENS: z.coerce.number().int().positive().default(5_000),
  /** Estimated cost (see operationCost). */
  QUERY_MAX_COST: z.coerce.number().int().positive().default(50_000),
  /** Size assumed for a list field that declares none (@listSize). */
  QUERY_ASSUMED_LIST_SIZE: z.coerce.number().int().positive().default(20),
  /** Largest request body, in bytes (an import file travels base64 in it). */
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(16 * 1024 * 1024),
};

export type QueryLimits = z.infer<z.ZodObject<typeof queryLimitSettings>>;

const limitError = (code: string, message: string) => new GraphQLError(message, { extensions: { code } });

/** Depth and alias limits as validation rules, each reporting its own code. */
export function queryShapeRules(limits: QueryLimits): ValidationRule[] {
  const report = (code: string, hint: string) => [
    (context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(limitError(code, `${error.message.replace(/^Syntax Error: /, '')} ${hint}`)),
  ];
  return [
    maxDepthRule({
      n: limits.QUERY_MAX_DEPTH,
      propagateOnRejection: false,
      onReject: report(ErrorCode.QueryTooDeep, 'Ask for fewer nested levels (QUERY_MAX_DEPTH).'),
    }) as ValidationRule,
    maxAliasesRule({
      n: limits.QUERY_MAX_ALIASES,
      propagateOnRejection: false,
      onReject: report(ErrorCode.QueryTooManyAliases, 'Split the operation (QUERY_MAX_ALIASES).'),
    }) as ValidationRule,
  ];
}

/** Parses with the token limit; an over-long document is refused while it is read (QUERY_TOO_LONG). */
export function parseWithinLimits(source: string, limits: QueryLimits): DocumentNode {
  try {
    return parse(source, { maxTokens: limits.QUERY_MAX_TOKENS });
  } catch (error) {
    throw (error instanceof GraphQLError && tokenLimitError(error.message)) || error;
  }
}

/**
 * graphql-js stops reading a document over the token limit with a syntax error, which servers code
 * GRAPHQL_PARSE_FAILED: recoded QUERY_TOO_LONG (null for any other error).
 */
export function tokenLimitError(message: string): GraphQLError | null {
  // graphql-js 16 words it "contains more that N tokens".
  const limit = /contains more tha[nt] (\d+) tokens/.exec(message)?.[1];
  return limit
    ? limitError(
        ErrorCode.QueryTooLong,
        `The document has more than ${limit} tokens: send a shorter operation (QUERY_MAX_TOKENS).`,
      )
    : null;
}

interface DeclaredListSize {
  assumedSize?: number;
  slicingArguments?: string[];
}

/** Read once per field of a schema, not on every field of every request. */
const declaredSizes = new WeakMap<GraphQLField<unknown, unknown>, DeclaredListSize | null>();

/** The size a list field declares with `@listSize(assumedSize:, slicingArguments:)`, read from the schema. */
function declaredListSize(field: GraphQLField<unknown, unknown>): DeclaredListSize | null {
  if (declaredSizes.has(field)) return declaredSizes.get(field)!;
  const directive = field.astNode?.directives?.find((candidate) => candidate.name.value === 'listSize');
  const value = (name: string) => {
    const argument = directive?.arguments?.find((candidate) => candidate.name.value === name);
    return argument && argument.value.kind !== Kind.NULL ? valueFromASTUntyped(argument.value) : undefined;
  };
  const declared = directive
    ? {
        assumedSize: value('assumedSize') as number | undefined,
        slicingArguments: value('slicingArguments') as string[] | undefined,
      }
    : null;
  declaredSizes.set(field, declared);
  return declared;
}

/**
 * The cost model (after the demand-control spec): every object field costs 1, leaves cost 0, and
 * a field returning many multiplies itself and everything under it by how many: its slicing
 * argument (`first`), the representations an `_entities` call carries, its declared
 * `@listSize(assumedSize:)`, or QUERY_ASSUMED_LIST_SIZE. The `edges` of a connection are sized by
 * the connection's own `first`. Introspection costs nothing.
 */
function costEstimator(limits: QueryLimits) {
  return ({ type, field, args, childComplexity }: ComplexityEstimatorArgs): number => {
    // Introspection (__schema, __type) is bounded by the schema, not by data: depth and tokens bound it.
    if (field.name.startsWith('__')) return 0;
    const own = isLeafType(getNamedType(field.type)) ? 0 : 1;
    const declared = declaredListSize(field);
    let size = 1;
    if (field.name === '_entities' && Array.isArray(args.representations)) size = args.representations.length;
    else if (declared?.slicingArguments?.length) {
      const sliced = declared.slicingArguments
        .map((name) => args[name])
        .find((value): value is number => typeof value === 'number');
      size = sliced ?? declared.assumedSize ?? limits.QUERY_ASSUMED_LIST_SIZE;
    } else if (declared?.assumedSize !== undefined) size = declared.assumedSize;
    else if (isListType(getNullableType(field.type)) && !(field.name === 'edges' && type.name.endsWith('Connection')))
      size = limits.QUERY_ASSUMED_LIST_SIZE;
    return size * (own + childComplexity);
  };
}

/** The estimated cost of running `document` with `variables` (see costEstimator). */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
  limits: QueryLimits,
): number {
  return getComplexity({
    schema,
    query: document,
    variables: variables ?? {},
    ...(operationName ? { operationName } : {}),
    estimators: [costEstimator(limits)],
  });
}

/** Throws QUERY_TOO_COSTLY when the operation would cost more than the budget. */
export function assertAffordable(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
  limits: QueryLimits,
): void {
  let cost: number;
  try {
    cost = operationCost(schema, document, variables, operationName, limits);
  } catch (error) {
    // The estimator refuses documents with too many nodes before counting them.
    if (error instanceof Error && /maximum allowed number of nodes/.test(error.message)) {
      throw limitError(ErrorCode.QueryTooCostly, `The operation is too large to estimate: ${error.message}`);
    }
    // Variables that do not fit the operation: execution refuses them next, with BAD_USER_INPUT.
    return;
  }
  if (cost > limits.QUERY_MAX_COST) {
    throw limitError(
      ErrorCode.QueryTooCostly,
      `The operation would cost ${cost}, over the budget of ${limits.QUERY_MAX_COST} (QUERY_MAX_COST): ask for smaller pages (first) or fewer nested lists.`,
    );
  }
}
