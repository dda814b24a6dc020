/**
 * Each of the four subgraphs is its list of modules: served, every module's tables exist in its
 * schema (with those of the kit features it uses), every module resolver's root fields are in the
 * SDL it serves, and every error code a module declares is published in its error-code enum.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { featuresOf, kitFeatureEntities, resolverRootFields, type AssembledSubgraph } from '@xgz/kit';
import { executeGraphQL, startTestSubgraphs, tokenFor, withConnection, type SubgraphHarness } from '@xgz/testkit';
import { assessmentsSubgraph } from '@xgz/assessments';
import { marketsSubgraph } from '@xgz/markets';
import { organizationsSubgraph } from '@xgz/organizations';
import { registrySubgraph } from '@xgz/registry';

const subgraphs: AssembledSubgraph<unknown>[] = [
  registrySubgraph,
  organizationsSubgraph,
  marketsSubgraph,
  assessmentsSubgraph,
];
let harness: SubgraphHarness;

// A module setting given as the environment the subgraphs start with (not the process's).
beforeAll(async () => {
  harness = await startTestSubgraphs(subgraphs, { env: { ORGANIZATION_LIFE_GAP_MONTHS: '9' } });
});
afterAll(() => harness?.stop());

const tablesOf = (schema: string) =>
  withConnection(harness.database.adminUrl, async (client) =>
    (
      await client.query<{ table_name: string }>(
        'select table_name from information_schema.tables where table_schema = $1',
        [schema],
      )
    ).rows.map((row) => row.table_name),
  );

describe.each(subgraphs.map((subgraph) => [subgraph.name, subgraph] as const))('the %s subgraph', (name, subgraph) => {
  it('has a table for each module’s entities and for the kit features they use', async () => {
    const tables = await tablesOf(name);
    const orm = harness.subgraphs[name]!.orm;
    const tableOf = (entity: object) => orm.getMetadata().find(entity as never)!.tableName;
    for (const module of subgraph.modules) {
      for (const entity of module.entities ?? []) expect(tables, `${module.name}`).toContain(tableOf(entity));
      for (const feature of featuresOf(module)) {
        for (const entity of kitFeatureEntities[feature])
          expect(tables, `${module.name} uses ${feature}`).toContain(tableOf(entity));
      }
    }
  });

  it('serves every module resolver’s root fields and publishes every module’s error codes', async () => {
    const token = await tokenFor(harness.env, '33', ['admin']);
    const answer = await executeGraphQL(harness.subgraphs[name]!.url, '{ _service { sdl } }', { token });
    const sdl: string = answer.data._service.sdl;
    for (const module of subgraph.modules) {
      for (const resolver of module.resolvers ?? []) {
        for (const field of resolverRootFields(resolver))
          expect(sdl, `${module.name}.${field}`).toMatch(new RegExp(`\\n\\s+${field}[(:]`));
      }
      for (const code of Object.values(module.errorCodes ?? {}))
        expect(sdl, `${module.name}`).toMatch(new RegExp(`\\n\\s+${code}\\n`));
    }
  });
});

it('makes every subgraph of modules, each named once', () => {
  for (const subgraph of subgraphs) {
    const names = subgraph.modules.map((module) => module.name);
    expect(new Set(names).size).toBe(names.length);
  }
  expect(organizationsSubgraph.metrics.length).toBeGreaterThan(0);
  expect(registrySubgraph.metrics.length).toBeGreaterThan(0);
});

it('binds each module’s settings from the environment its subgraph starts with, before it derives anything', async () => {
  const settingsGroups = organizationsSubgraph.settings ?? [];
  expect(settingsGroups.flatMap((group) => group.variables)).toContain('ORGANIZATION_LIFE_GAP_MONTHS');
  // Organization life was derived at start under the rule with a 9-month gap, and says so.
  const stored = await withConnection(harness.database.adminUrl, async (client) =>
    (
      await client.query<{ revision: string }>(
        `select revision from organizations.derived_fact_revision where subject_type = 'MemberLife'`,
      )
    ).rows.map((row) => row.revision),
  );
  expect(stored).toEqual([expect.stringContaining('gap=9')]);
});
