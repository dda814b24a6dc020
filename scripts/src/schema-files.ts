import { composeServices } from '@theguild/federation-composition';
import { graphql, parse, type GraphQLSchema } from 'graphql';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { buildTypeGraphqlSubgraphSchema } from '@xgz/kit';
import { subgraphs } from './subgraphs.js';

export const schemaFolder = path.resolve(import.meta.dirname, '../../schema');

/** The SDL a subgraph serves at `_service { sdl }`, which is what a gateway or registry composes. */
async function servedSdl(schema: GraphQLSchema): Promise<string> {
  const result = await graphql({ schema, source: '{ _service { sdl } }' });
  const sdl = (result.data as { _service?: { sdl?: string } } | null)?._service?.sdl;
  if (!sdl) throw new Error(`_service.sdl failed: ${JSON.stringify(result.errors)}`);
  return `${sdl.trim()}\n`;
}

/** Every file under schema/ as the code emits it now: each subgraph's SDL and the supergraph. */
export async function emitSchemaFiles(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const services = [];
  for (const subgraph of subgraphs) {
    const sdl = await servedSdl(buildTypeGraphqlSubgraphSchema(subgraph.schema));
    files.set(`${subgraph.name}.graphql`, sdl);
    services.push({
      name: subgraph.name,
      typeDefs: parse(sdl),
      url: `http://localhost:${subgraph.defaultPort}/graphql`,
    });
  }
  const composed = composeServices(services);
  if (composed.errors) {
    throw new Error(`Composition failed:\n${composed.errors.map((error) => `  - ${error.message}`).join('\n')}`);
  }
  files.set('supergraph.graphql', `${composed.supergraphSdl.trim()}\n`);
  return files;
}

/** The files under `folder` that differ from what the code emits (missing files count). */
export async function staleSchemaFiles(folder: string, emitted: Map<string, string>): Promise<string[]> {
  const stale: string[] = [];
  for (const [name, content] of emitted) {
    const committed = await readFile(path.join(folder, name), 'utf8').catch(() => null);
    if (committed !== content) stale.push(name);
  }
  return stale;
}
