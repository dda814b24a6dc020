import { printSubgraphSchema } from '@apollo/subgraph';
import { composeServices } from '@theguild/federation-composition';
import { parse } from 'graphql';
import path from 'node:path';
import { buildTypeGraphqlSubgraphSchema } from '@xgz/kit';
import { subgraphs } from './subgraphs.js';

export const schemaFolder = path.resolve(import.meta.dirname, '../../schema');

/** Every file under schema/ as the code emits it now: each subgraph's SDL and the supergraph. */
export function emitSchemaFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const services = subgraphs.map((subgraph) => {
    const sdl = `${printSubgraphSchema(buildTypeGraphqlSubgraphSchema(subgraph.schema)).trim()}\n`;
    files.set(`${subgraph.name}.graphql`, sdl);
    return { name: subgraph.name, typeDefs: parse(sdl), url: `http://localhost:${subgraph.defaultPort}/graphql` };
  });
  const composed = composeServices(services);
  if (composed.errors) {
    throw new Error(`Composition failed:\n${composed.errors.map((error) => `  - ${error.message}`).join('\n')}`);
  }
  files.set('supergraph.graphql', `${composed.supergraphSdl.trim()}\n`);
  return files;
}
