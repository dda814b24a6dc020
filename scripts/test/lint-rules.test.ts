/**
 * The lint rules CI runs (`pnpm lint`) catch what they promise: two module folders of a subgraph
 * importing each other (no single file in a cycle), a subgraph importing another, and the kit
 * importing a subgraph — and the project itself lints clean.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const projectRoot = path.resolve(import.meta.dirname, '../..');
let fixture: string;

const files: Record<string, string> = {
  // coverage/links.ts → party-organization/entity.ts, party-organization/service.ts → coverage/refresh.ts:
  // no file cycle, but the folders import each other.
  'services/demo/src/modules/coverage/links.ts': `import { organizationTable } from '../party-organization/entity.js';\nexport const links = organizationTable;\n`,
  'services/demo/src/modules/coverage/refresh.ts': `export const refresh = () => 1;\n`,
  'services/demo/src/modules/party-organization/entity.ts': `export const organizationTable = 'party_organization';\n`,
  'services/demo/src/modules/party-organization/service.ts': `import { refresh } from '../coverage/refresh.js';\nexport const form = refresh;\n`,
  'services/demo/src/modules/venue/venue.ts': `import { organizationTable } from '../party-organization/entity.js';\nexport const venue = organizationTable;\n`,
  'services/organizations/src/reach.ts': `import { registrySubgraph } from '@xgz/registry';\nexport const reach = registrySubgraph;\n`,
  'packages/kit/src/knows.ts': `import { form } from '../../../services/demo/src/modules/party-organization/service.js';\nexport const knows = form;\n`,
};

beforeAll(async () => {
  fixture = await mkdtemp(path.join(tmpdir(), 'xgz-lint-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(fixture, name)), { recursive: true });
    await writeFile(path.join(fixture, name), text);
  }
});
afterAll(() => rm(fixture, { recursive: true, force: true }));

/** Lints the fixture with the project's own configuration, the fixture standing in for the project. */
async function lintFixture() {
  const eslint = new ESLint({ cwd: fixture, overrideConfigFile: path.join(projectRoot, 'eslint.config.js') });
  const results = await eslint.lintFiles(['**/*.ts']);
  return new Map(
    results.map((result) => [
      path.relative(fixture, result.filePath),
      result.messages.map((message) => `${message.ruleId}: ${message.message}`),
    ]),
  );
}

describe('pnpm lint', () => {
  it('refuses folders of one subgraph importing each other, naming the way back', async () => {
    const messages = await lintFixture();
    expect(messages.get('services/demo/src/modules/coverage/links.ts')).toEqual([
      expect.stringMatching(
        /^folders\/no-folder-cycle: coverage imports party-organization, .*coverage → party-organization → coverage/,
      ),
    ]);
    expect(messages.get('services/demo/src/modules/party-organization/service.ts')).toEqual([
      expect.stringMatching(/^folders\/no-folder-cycle: party-organization imports coverage/),
    ]);
    // Importing a folder that does not import back is fine.
    expect(messages.get('services/demo/src/modules/venue/venue.ts')).toEqual([]);
  });

  it('refuses a subgraph importing another subgraph, and the kit importing a subgraph', async () => {
    const messages = await lintFixture();
    expect(messages.get('services/organizations/src/reach.ts')).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*@xgz\/registry.*never another subgraph/),
    ]);
    expect(messages.get('packages/kit/src/knows.ts')).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*The kit knows no subgraph/),
    ]);
  });

  it('finds nothing to refuse in the project itself', async () => {
    const eslint = new ESLint({ cwd: projectRoot });
    const results = await eslint.lintFiles(['.']);
    const problems = results.flatMap((result) =>
      result.messages.map(
        (message) => `${path.relative(projectRoot, result.filePath)}:${message.line} ${message.ruleId}`,
      ),
    );
    expect(problems).toEqual([]);
  });
});
