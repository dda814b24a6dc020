/**
 * `npm start` as a new user meets it: the whole system from an empty data folder, the README's
 * first query, the commands run beside it, the database dying under it, and Ctrl-C while the
 * database is dead.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, runningPostgresServer } from '@xgz/kit';
import { executeGraphQL } from '@xgz/testkit';

const root = path.resolve(import.meta.dirname, '..');
let dataDir: string;
let environment: Record<string, string>;
let start: ChildProcess;
let output = '';
let gatewayUrl: string;
let token: string;

/** Runs a project command with tsx, as `pnpm run …` would, in the same environment as `npm start`. */
function command(entry: string, args: string[] = []): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, entry), ...args], {
      cwd: root,
      env: environment,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The pid the supervisor last started a service with, from what npm start printed. */
const servicePid = (name: string) =>
  Number(
    [...output.matchAll(new RegExp(`\\[supervisor\\] ${name} started(?: again)? \\(pid (\\d+)`, 'g'))].at(-1)?.[1],
  );

/** Polls until `read` is truthy (or `timeoutMs` passes); returns the milliseconds it took, or null. */
async function waitUntil(read: () => Promise<unknown>, timeoutMs: number): Promise<number | null> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await read().catch(() => false)) return Date.now() - started;
    await sleep(250);
  }
  return null;
}

const ORGANIZATION_FIGURES =
  '{ region(code: "3301") { organizationFigures { organizations membersOutOfLife { denominator } } } }';
const organizationsAnswer = async () => {
  const response = await executeGraphQL(gatewayUrl, ORGANIZATION_FIGURES, { token, timeoutMs: 5_000 });
  return !response.errors && response.data.region.organizationFigures.organizations > 0;
};

const firstQuery = async (readme: string) => /## A first query[\s\S]*?```graphql\n([\s\S]*?)```/.exec(readme)![1]!;
const postgresPid = () => runningPostgresServer(path.join(dataDir, 'postgres'))?.pid;
const answers = async (query: string) => executeGraphQL(gatewayUrl, query, { token }).catch(() => null);

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'xgz-start-'));
  await chmod(dataDir, 0o755);
  const ports = {
    EMBEDDED_PG_PORT: await freePort(),
    GATEWAY_PORT: await freePort(),
    REGISTRY_PORT: await freePort(),
    ORGANIZATIONS_PORT: await freePort(),
    MARKETS_PORT: await freePort(),
    ASSESSMENTS_PORT: await freePort(),
  };
  const { NODE_ENV: _test, ...inherited } = process.env as Record<string, string>;
  environment = {
    ...inherited,
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir,
    ...Object.fromEntries(Object.entries(ports).map(([name, port]) => [name, String(port)])),
  };
  gatewayUrl = `http://127.0.0.1:${ports.GATEWAY_PORT}/graphql`;
  // As `npm start` runs it: through the tsx launcher, in a process group of its own, as in a terminal.
  start = spawn(path.join(root, 'node_modules/.bin/tsx'), [path.join(root, 'scripts/src/start.ts')], {
    cwd: root,
    env: environment,
    detached: true,
  });
  start.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  start.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  for (let waited = 0; !output.includes('Ctrl-C stops everything') && start.exitCode === null; waited += 250) {
    if (waited > 240_000) throw new Error(`npm start was not ready in time:\n${output.slice(-2_000)}`);
    await sleep(250);
  }
  token = /Authorization: Bearer (\S+)/.exec(output)?.[1] ?? '';
}, 300_000);

afterAll(async () => {
  if (start && start.exitCode === null) process.kill(-start.pid!, 'SIGKILL');
  const pid = postgresPid();
  if (pid) process.kill(pid, 'SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('serves the README first query with the token it printed, signed with this installation’s secret', async () => {
    expect(output).toContain('Ready:');
    expect(output).toContain('npm run -s token --');
    const response = await answers(await firstQuery(await readFile(path.join(root, 'README.md'), 'utf8')));
    expect(response?.errors).toBeUndefined();
    const cities = response!.data.region.children as { code: string; partyOrganizationCount: number }[];
    expect(response!.data.region.name).toBe('浙江省');
    expect(cities).toHaveLength(11);
    expect(cities.find((city) => city.code === '3301')!.partyOrganizationCount).toBeGreaterThan(0);
    expect((await readFile(path.join(dataDir, 'jwt-secret'), 'utf8')).length).toBeGreaterThanOrEqual(43);
  });

  it('answers the README organization figures with the demo branches: coverage, standalone rate, 三会一课, 六有, workers', async () => {
    const readme = await readFile(path.join(root, 'README.md'), 'utf8');
    const query = /```graphql\n(\{\n {2}region\(code: "\d+"\) \{\n {4}organizationFigures[\s\S]*?)```/.exec(
      readme,
    )![1]!;
    const response = await answers(query);
    expect(response?.errors).toBeUndefined();
    const figures = response!.data.region.organizationFigures;
    expect(figures.organizations).toBeGreaterThan(0);
    const share = (rate: { value: number | null }) => rate.value ?? 0;
    // What the demo seeding said, so a failure names the step that wrote nothing.
    const demoLines = output
      .split('\n')
      .filter((line) => line.startsWith('demo data:'))
      .join('\n');
    for (const [name, rate] of Object.entries({ ...figures.coverage, venueStandard: figures.venueStandard })) {
      if (!['organizationCoverage', 'standaloneRate', 'workCoverage', 'venueStandard'].includes(name)) continue;
      expect(share(rate as { value: number | null }), `${name}\n${demoLines}`).toBeGreaterThan(0);
      expect(share(rate as { value: number | null })).toBeLessThanOrEqual(1);
    }
    expect(
      figures.byFormation.find((entry: { formation: string }) => entry.formation === 'STANDALONE').count,
    ).toBeGreaterThan(0);
    expect(figures.meetingSchedule.numerator).toBeGreaterThan(0);
    expect(figures.meetingSchedule.numerator).toBeLessThan(figures.meetingSchedule.denominator);
    expect(figures.membersOutOfLife.denominator).toBeGreaterThan(0);
    expect(figures.workers.find((entry: { kind: string }) => entry.kind === 'INSTRUCTOR').count).toBeGreaterThan(0);
  });

  it('answers the README markets figures with the demo markets: scope, standardization, vendors and plates', async () => {
    const readme = await readFile(path.join(root, 'README.md'), 'utf8');
    const query = /```graphql\n(\{\n {2}region\(code: "\d+"\) \{\n {4}marketFigures[\s\S]*?)```/.exec(readme)![1]!;
    const response = await answers(query);
    expect(response?.errors).toBeUndefined();
    const figures = response!.data.region.marketFigures;
    const demoLines = output
      .split('\n')
      .filter((line) => line.startsWith('demo data:'))
      .join('\n');
    expect(figures.markets, demoLines).toBeGreaterThan(0);
    expect(figures.inScope).toBeGreaterThan(0);
    expect(figures.inScope).toBeLessThan(figures.markets);
    // Some in-scope markets standardized last year, none yet this year: the live rate may be 0, last year's is not.
    const lastYear = await answers(
      `{ region(code: "3301") { marketFigures(asOf: "${Number(new Date().toISOString().slice(0, 4)) - 1}-12-31") { standardizationRate { numerator denominator } } } }`,
    );
    const rate = lastYear!.data.region.marketFigures.standardizationRate;
    expect(rate.numerator, demoLines).toBeGreaterThan(0);
    expect(rate.numerator).toBeLessThan(rate.denominator);
    expect(figures.demonstrationSites, demoLines).toBeGreaterThan(0);
    expect(figures.townshipsWithDemonstrationSite).toBeGreaterThan(0);
    expect(figures.townshipsWithDemonstrationSite).toBeLessThanOrEqual(figures.demonstrationSites);
    expect(figures.vendors, demoLines).toBeGreaterThan(0);
    expect(figures.vendorMembers).toBeGreaterThan(0);
    expect(response!.data.region.marketRanking.length).toBeGreaterThan(1);
  });

  it('lets the token command sign for a region of the tree, print its usage, and refuse an unknown region in one line', async () => {
    const signed = await command('scripts/src/token.ts', ['3301', 'official']);
    expect(signed.code).toBe(0);
    expect(signed.stdout.trim()).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const asOfficial = await executeGraphQL(gatewayUrl, '{ region(code: "3301") { name } }', {
      token: signed.stdout.trim(),
    });
    expect(asOfficial.data.region.name).toBe('杭州市');
    const help = await command('scripts/src/token.ts', ['--help']);
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toContain('Usage: npm run -s token -- <region code>');
    const unknown = await command('scripts/src/token.ts', ['99', 'admin']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim().split('\n')).toEqual([
      'error: 99 is not a region of the division tree (e.g. 33 is 浙江省, 3301 is 杭州市).',
    ]);
  });

  it('runs regions:load beside it without stopping its database', async () => {
    const before = postgresPid();
    const load = await command('scripts/src/load-regions.ts');
    expect(load.code, load.stderr).toBe(0);
    expect(load.stdout).toContain('already loaded: 665276 regions');
    expect(postgresPid()).toBe(before);
    expect((await answers('{ region(code: "33") { name } }'))?.data.region.name).toBe('浙江省');
  });

  it('gives one clear line for each command-line mistake, and the first 20 problems of a rejected import', async () => {
    const stackTrace = /^\s+at /m;
    const missing = await command('scripts/src/import.ts', [
      'members',
      path.join(dataDir, 'nowhere.xlsx'),
      '--region',
      '330106',
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe(`error: ${path.join(dataDir, 'nowhere.xlsx')}: no such file.`);
    await writeFile(path.join(dataDir, 'form.txt'), '填表日期,单位名称\n');
    const text = await command('scripts/src/import.ts', [
      'members',
      path.join(dataDir, 'form.txt'),
      '--region',
      '330106',
    ]);
    expect(text.stderr.trim()).toBe(
      `error: ${path.join(dataDir, 'form.txt')}: unknown kind of file; the form is read from .xlsx or .csv files.`,
    );
    await writeFile(path.join(dataDir, 'headers.csv'), '填表日期,单位名称\n2020-01-01,某店\n');
    const headers = await command('scripts/src/import.ts', [
      'members',
      path.join(dataDir, 'headers.csv'),
      '--region',
      '330106',
    ]);
    expect(headers.stderr.trim().split('\n')).toHaveLength(1);
    expect(headers.stderr).toContain('lacks column(s) 党员姓名、是否业主、党员类别、党员分布');
    const rows = Array.from({ length: 30 }, (_, i) => `2020-01-01,店${i},330106002,人${i},123,是,正式,个体工商户`);
    await writeFile(
      path.join(dataDir, 'bad.csv'),
      ['填表日期,单位名称,所在地区代码,党员姓名,手机号码,是否业主,党员类别,党员分布', ...rows].join('\n'),
    );
    const rejected = await command('scripts/src/import.ts', [
      'members',
      path.join(dataDir, 'bad.csv'),
      '--region',
      '330106',
    ]);
    expect(rejected.code).toBe(1);
    const lines = rejected.stderr.trim().split('\n');
    expect(lines[0]).toBe(
      'error: nothing was imported: 30 problem(s) in 30 row(s). Fix them and import the file again:',
    );
    expect(lines.slice(1, 21).every((line) => /^ {2}row \d+ {2}手机号码: /.test(line))).toBe(true);
    expect(lines.slice(21)).toEqual(['  … and 10 more']);
    for (const run of [missing, text, headers, rejected]) expect(run.stderr).not.toMatch(stackTrace);
  });

  it('survives a member moved into two branches on one day through the gateway (the sequence that once hung organizations)', async () => {
    // A demo member, and two branches of the member's township formed for it through the gateway, as a user would.
    const members = await executeGraphQL(
      gatewayUrl,
      '{ partyMembers(first: 1, filter: { regionCode: "3301" }) { edges { node { id regionCode registeredOn } } } }',
      { token },
    );
    const member = members.data.partyMembers.edges[0].node;
    const township = member.regionCode.slice(0, 9);
    // Both moves on one day, on or after the member's registration (nothing is dated before it).
    const day = member.registeredOn > '2024-05-06' ? member.registeredOn : '2024-05-06';
    const form = async (name: string) => {
      const formed = await executeGraphQL(
        gatewayUrl,
        `mutation($input: FormPartyOrganizationInput!) { formPartyOrganization(input: $input) { organization { id } } }`,
        {
          token,
          variables: {
            input: {
              name,
              level: 'BRANCH',
              formation: 'JOINT',
              regionCode: township,
              hostKind: 'ASSOCIATION',
              hostName: '个私协会分会',
              establishedOn: '2020-01-01',
            },
          },
          timeoutMs: 5_000,
        },
      );
      expect(formed.errors, formed.raw).toBeUndefined();
      return { id: formed.data.formPartyOrganization.organization.id as string };
    };
    const [first, second] = [await form('同日甲联合党支部'), await form('同日乙联合党支部')];
    const memberId = member.id as string;
    const join = `mutation($m: ID!, $o: ID!, $on: LocalDate!) { joinOrganizationLife(memberId: $m, organizationId: $o, fromDate: $on) { organizationId } }`;
    for (const organization of [first, second]) {
      const answer = await executeGraphQL(gatewayUrl, join, {
        token,
        variables: { m: memberId, o: organization.id, on: day },
        timeoutMs: 5_000,
      });
      expect(answer.errors, answer.raw).toBeUndefined();
      expect(answer.data.joinOrganizationLife.organizationId).toBe(organization.id);
    }
    expect(await organizationsAnswer()).toBe(true);
    expect(output).not.toMatch(/\[supervisor\] organizations .*did not answer/);
  });

  it('restarts organizations when its event loop is blocked (SIGSTOP), and the gateway answers again by itself', async () => {
    const blocked = servicePid('organizations');
    process.kill(blocked, 'SIGSTOP');
    try {
      const took = await waitUntil(
        async () => servicePid('organizations') !== blocked && (await organizationsAnswer()),
        60_000,
      );
      expect(took, output.slice(-3_000)).not.toBeNull();
    } finally {
      // Killed by the supervisor already; this only matters when the test failed.
      try {
        process.kill(blocked, 'SIGKILL');
      } catch {
        // Already gone: the supervisor killed it, as it should.
      }
    }
    expect(output).toMatch(
      new RegExp(`\\[supervisor\\] organizations \\(pid ${blocked}\\) did not answer /healthz 3 times`),
    );
    expect(output).toMatch(/\[supervisor\] organizations started again \(pid \d+, restart 1\)/);
  }, 90_000);

  it('restarts registry when it is killed (SIGKILL), and the gateway answers again by itself', async () => {
    const killed = servicePid('registry');
    process.kill(killed, 'SIGKILL');
    const took = await waitUntil(async () => {
      const response = await executeGraphQL(
        gatewayUrl,
        '{ region(code: "3301") { name registryFigures { marketEntities { existing } } } }',
        { token, timeoutMs: 5_000 },
      );
      return servicePid('registry') !== killed && response.data?.region?.registryFigures?.marketEntities?.existing > 0;
    }, 60_000);
    expect(took, output.slice(-3_000)).not.toBeNull();
    expect(output).toMatch(
      new RegExp(`\\[supervisor\\] registry \\(pid ${killed}\\) exited \\(SIGKILL\\); restarting in \\d+ ms`),
    );
  }, 90_000);

  it('brings the database back after it is killed, and the gateway answers again by itself', async () => {
    const first = postgresPid()!;
    process.kill(first, 'SIGKILL');
    let answered = false;
    let last: Awaited<ReturnType<typeof answers>> = null;
    const killedAt = Date.now();
    // Crash recovery replays the WAL since the last checkpoint; under a loaded machine that takes a while.
    while (Date.now() - killedAt < 90_000 && !answered) {
      await sleep(250);
      last = await answers('{ region(code: "33") { name registryFigures { marketEntities { existing } } } }');
      answered = last?.data?.region?.registryFigures?.marketEntities?.existing > 0;
    }
    expect(
      answered,
      `no answer ${Date.now() - killedAt} ms after the kill; last: ${JSON.stringify(last)?.slice(0, 500)}\n${output.slice(-4000)}`,
    ).toBe(true);
    expect(postgresPid()).not.toBe(first);
    expect(output).toMatch(/\[postgres\] the database server stopped \(SIGKILL\); restarting/);
  }, 120_000);

  it('stops on Ctrl-C while its database is dead, leaving nothing running', async () => {
    const pid = postgresPid()!;
    process.kill(pid, 'SIGKILL');
    // Ctrl-C in a terminal signals the whole group: the launcher, which relays it, and start.ts alike.
    process.kill(-start.pid!, 'SIGINT');
    const exitCode = await new Promise<number | null>((resolve) =>
      start.exitCode !== null ? resolve(start.exitCode) : start.once('exit', resolve),
    );
    expect(exitCode).toBe(0);
    expect(postgresPid()).toBeUndefined();
    expect(await answers('{ __typename }')).toBeNull();
  });
});
