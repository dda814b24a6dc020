import 'reflect-metadata';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { Kind, parse, type GraphQLSchema } from 'graphql';
import { buildSchemaSync, createResolversMap, getMetadataStorage, type NonEmptyArray } from 'type-graphql';
import { guardArguments, type TextRule } from './input-guard.js';

/** Federation directives our subgraphs may use (Federation 2.9: `@listSize` declares list sizes for the cost limit). */
const federationLink = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@listSize"])`;

/** `__resolveReference` per entity type, merged into the type-graphql resolvers. */
export type ReferenceResolvers = Record<string, { __resolveReference: (reference: any, context: any) => unknown }>;

export interface SubgraphSchemaDefinition {
  resolvers: NonEmptyArray<Function>;
  /** Foreign entity stubs no query reaches directly; type-graphql would drop them otherwise. */
  orphanedTypes?: Function[];
  references: ReferenceResolvers;
  /** Text rules by argument or input-field name, beyond the one-line 200-character default (see guardArguments). */
  textRules?: Record<string, TextRule>;
  /**
   * The domain codes this subgraph's errors carry (the modules' declared constants), published as an
   * enum in its schema: clients see them, and the gateway passes exactly these through (with the
   * kit's shared codes) and masks anything else.
   */
  errorCodes?: { enumName: string; codes: Readonly<Record<string, string>> };
}

/** Enum types whose names end with this carry declared error codes (see SubgraphSchemaDefinition.errorCodes). */
export const ERROR_CODE_ENUM_SUFFIX = 'ErrorCode';

function errorCodeEnum(errorCodes: NonNullable<SubgraphSchemaDefinition['errorCodes']>): string {
  if (!errorCodes.enumName.endsWith(ERROR_CODE_ENUM_SUFFIX))
    throw new Error(`errorCodes.enumName must end with ${ERROR_CODE_ENUM_SUFFIX}`);
  const codes = [...new Set(Object.values(errorCodes.codes))].sort();
  const description =
    '"""Codes this subgraph\'s errors carry in extensions.code, beside the shared ones (BAD_USER_INPUT, FORBIDDEN, NOT_FOUND, UNAUTHENTICATED…)."""';
  return [description, `enum ${errorCodes.enumName} {`, ...codes.map((code) => `  ${code}`), '}'].join('\n');
}

/** The codes declared by every error-code enum of a (super)graph's SDL. */
export function declaredErrorCodes(sdl: string): Set<string> {
  const codes = new Set<string>();
  for (const definition of parse(sdl).definitions) {
    if (definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value.endsWith(ERROR_CODE_ENUM_SUFFIX)) {
      for (const value of definition.values ?? []) codes.add(value.name.value);
    }
  }
  return codes;
}

/** Builds a subgraph schema from type-graphql classes. Pure: no I/O, safe to call in scripts. */
export function buildTypeGraphqlSubgraphSchema(definition: SubgraphSchemaDefinition): GraphQLSchema {
  const schema = buildSchemaSync({
    resolvers: definition.resolvers,
    orphanedTypes: definition.orphanedTypes ?? [],
    skipCheck: true,
    validate: false,
    emitSchemaFile: false,
  });
  guardArguments(schema, definition.textRules);
  const codes = definition.errorCodes ? `\n${errorCodeEnum(definition.errorCodes)}` : '';
  const typeDefs = parse(`${federationLink}\n${printSchemaWithDirectives(schema)}${codes}`);
  const resolvers: Record<string, object> = { ...createResolversMap(schema) };
  for (const [typeName, reference] of Object.entries(definition.references)) {
    resolvers[typeName] = { ...resolvers[typeName], ...reference };
  }
  // The array form: the object form fails with "doc.definitions is not iterable".
  return buildSubgraphSchema([{ typeDefs, resolvers: resolvers as never }]);
}

/**
 * `__resolveReference` for the registry's Region in a subgraph that extends it: the tree is
 * public, so any code resolves; each figure checks the viewer's scope itself.
 */
export const extendedRegionReference: ReferenceResolvers = {
  Region: { __resolveReference: (reference: { code: string }) => ({ code: reference.code }) },
};

/** The Query and Mutation fields a type-graphql resolver class declares (to check what a subgraph serves). */
export function resolverRootFields(resolver: Function): string[] {
  const storage = getMetadataStorage();
  return [...storage.queries, ...storage.mutations]
    .filter((field) => field.target === resolver)
    .map((field) => field.schemaName);
}
