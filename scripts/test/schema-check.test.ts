import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'graphql';
import { emitSchemaFiles, schemaFolder, staleSchemaFiles } from '../src/schema-files.js';

let emitted: Map<string, string>;
let folder: string;

beforeAll(async () => {
  emitted = await emitSchemaFiles();
  folder = await mkdtemp(path.join(tmpdir(), 'xgz-schema-'));
  await cp(schemaFolder, folder, { recursive: true });
});
afterAll(() => rm(folder, { recursive: true, force: true }));

describe('schema check', () => {
  it('finds the committed schema/ up to date', async () => {
    expect(await staleSchemaFiles(schemaFolder, emitted)).toEqual([]);
  });

  it('flags a subgraph file whose committed type no longer matches the code', async () => {
    const file = path.join(folder, 'markets.graphql');
    const edited = (await readFile(file, 'utf8')).replace('category: String!', 'category: String');
    expect(edited).not.toBe(await readFile(file, 'utf8'));
    await writeFile(file, edited);
    expect(await staleSchemaFiles(folder, emitted)).toEqual(['markets.graphql']);
  });

  it('composes a supergraph that joins all four subgraphs on Region', () => {
    const supergraph = emitted.get('supergraph.graphql')!;
    for (const name of ['REGISTRY', 'ORGANIZATIONS', 'MARKETS', 'ASSESSMENTS'])
      expect(supergraph).toContain(`${name} @join__graph`);
    const region = parse(supergraph).definitions.find(
      (d) => d.kind === 'ObjectTypeDefinition' && d.name.value === 'Region',
    );
    const fields = region && 'fields' in region ? region.fields!.map((field) => field.name.value) : [];
    expect(fields).toEqual(
      expect.arrayContaining(['code', 'name', 'children', 'partyOrganizationCount', 'marketCount', 'inspectionCount']),
    );
  });
});
