import 'reflect-metadata';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSchemaSync, createResolversMap, type NonEmptyArray } from 'type-graphql';
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
  const typeDefs = parse(`${federationLink}\n${printSchemaWithDirectives(schema)}`);
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
