/**
 * Imports too large for one request run as jobs: a request answers within its budget (refusing a
 * file over IMPORT_SYNC_MAX_ROWS, or answering a job at once), the job's progress can be followed,
 * the same file sent twice is the same job, a job held up is neither lost nor doubled when its
 * registry process stops mid-import — the next one takes it up — and a bad file ends REJECTED with
 * its problems and nothing written. The hold-up is real: another session holds the county's import
 * lock, as a concurrent import would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { startSubgraph, subgraphRoles, type RunningSubgraph } from '@xgz/kit';
import {
  errorCodes,
  executeGraphQL,
  startTestSubgraphs,
  tokenFor,
  withConnection,
  type SubgraphHarness,
} from '@xgz/testkit';

// Settings are read once when the modules load: a short lease, so a job whose worker stopped is taken up within a second.
process.env.IMPORT_JOB_LEASE_MS = '600';
process.env.IMPORT_JOB_POLL_MS = '50';
const { registrySubgraph } = await import('../src/server.js');

let harness: SubgraphHarness;
let registry: RunningSubgraph;
let admin: string;
let official: string;

const HEADER = '填表日期,单位名称,所在地区代码,党员姓名,手机号码,是否业主,党员类别,党员分布';
const csv = (lines: string[]) => Buffer.from([HEADER, ...lines].join('\n')).toString('base64');
/** `count` good rows, a unit and a person each, in a township of 西湖区. */
const goodRows = (count: number, tag: string) =>
  csv(
    Array.from(
      { length: count },
      (_, i) => `2020-01-02,${tag}店${i},330106009,${tag}${i}号,13${String(i).padStart(9, '0')},是,正式,个体工商户`,
    ),
  );

const START = `mutation($content: String!, $region: ID!, $dryRun: Boolean) {
  startPartyMemberImport(contentBase64: $content, format: CSV, regionCode: $region, dryRun: $dryRun) { id status } }`;
const JOB = `query($id: ID!) { partyMemberImport(id: $id) { id status stage done total attempts message problemCount rowCount problems { row column reason }
  result { rows accepted imported unchanged unitsCreated } } }`;

const ask = (query: string, variables: Record<string, unknown>, token = admin) =>
  executeGraphQL(registry.url, query, { token, variables, timeoutMs: 5_000 });
const job = async (id: string, token = admin) => (await ask(JOB, { id }, token)).data.partyMemberImport;

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`not done in time: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const ownerUrl = () => subgraphRoles(harness.database.adminUrl, 'registry', harness.env.DB_ROLE_PASSWORD).ownerUrl;
const membersIn = async (prefix: string) =>
  (
    await withConnection(ownerUrl(), (client) =>
      client.query(`select count(*)::int as n from party_member where name like $1`, [`${prefix}%`]),
    )
  ).rows[0].n as number;

/** Another session holds 西湖区's import lock (as an import there would) until `release` is called. */
async function holdCountyLock(): Promise<{ release(): Promise<void> }> {
  const client = new pg.Client({ connectionString: ownerUrl() });
  await client.connect();
  await client.query('begin');
  await client.query(`select pg_advisory_xact_lock(hashtextextended('member-import:330106', 0))`);
  return {
    release: async () => {
      await client.query('rollback');
      await client.end();
    },
  };
}

beforeAll(async () => {
  harness = await startTestSubgraphs([registrySubgraph]);
  registry = harness.subgraphs.registry!;
  admin = await tokenFor(harness.env, '3301', ['admin']);
  official = await tokenFor(harness.env, '3301', ['official']);
});

afterAll(async () => {
  await registry?.stop();
  await harness?.stop();
});

describe('member import jobs', () => {
  it('a file over IMPORT_SYNC_MAX_ROWS is refused by importPartyMembers, naming the job, and nothing is written', async () => {
    const answer = await ask(
      `mutation($content: String!) { importPartyMembers(contentBase64: $content, format: CSV, regionCode: "330106") { rows } }`,
      {
        content: goodRows(2_001, '同步'),
      },
    );
    expect(errorCodes(answer)).toEqual(['IMPORT_NEEDS_JOB']);
    expect(answer.errors![0]!.message).toContain('startPartyMemberImport');
    expect(await membersIn('同步')).toBe(0);
  });

  it('answers at once, shows its progress while held up, is the same job when sent twice, and ends with the result', async () => {
    const lock = await holdCountyLock();
    let id: string;
    try {
      // Answered while the county is still locked: the job waits, the request does not.
      const first = await ask(START, { content: goodRows(3_000, '任务'), region: '330106' });
      expect(first.errors).toBeUndefined();
      expect(['QUEUED', 'RUNNING']).toContain(first.data.startPartyMemberImport.status);
      id = first.data.startPartyMemberImport.id;
      // Read and checked, then waiting for the county: RUNNING, in the validate stage, all rows read.
      const waiting = await until(
        () => job(id),
        (state) => state.status === 'RUNNING' && state.total === 3_000,
      );
      expect(waiting.result).toBeNull();
      const again = await ask(START, { content: goodRows(3_000, '任务'), region: '330106' });
      expect(again.data.startPartyMemberImport.id).toBe(id);
      // Another person's job is theirs: an official of the region does not see it.
      expect(await job(id, official)).toBeNull();
      expect(await membersIn('任务')).toBe(0);
    } finally {
      await lock.release();
    }
    const done = await until(
      () => job(id!),
      (state) => state.status !== 'RUNNING' && state.status !== 'QUEUED',
    );
    expect(done).toMatchObject({
      status: 'SUCCEEDED',
      attempts: 1,
      result: { rows: 3_000, accepted: 3_000, imported: 3_000, unchanged: 0, unitsCreated: 3_000 },
    });
    expect(await membersIn('任务')).toBe(3_000);
    // Its file is not kept once it is done.
    const kept = await withConnection(ownerUrl(), (client) =>
      client.query(`select file is null as gone from member_import_job where id = $1`, [id!]),
    );
    expect(kept.rows[0].gone).toBe(true);
  });

  it('is taken up again by the next registry process when its own stops mid-import, and imports once', async () => {
    const lock = await holdCountyLock();
    let id: string;
    try {
      id = (await ask(START, { content: goodRows(2_500, '接续'), region: '330106' })).data.startPartyMemberImport.id;
      await until(
        () => job(id),
        (state) => state.status === 'RUNNING' && state.total === 2_500,
      );
      // Stopped mid-import: the import is cut short and rolled back; the job stays RUNNING until its lease ends.
      await registry.stop();
      registry = await startSubgraph(registrySubgraph, {
        env: harness.env,
        adminUrl: harness.database.adminUrl,
        port: 0,
        prepare: false,
      });
      await until(
        () => job(id),
        (state) => state.attempts === 2,
      );
      expect(await membersIn('接续')).toBe(0);
    } finally {
      await lock.release();
    }
    const done = await until(
      () => job(id!),
      (state) => state.status === 'SUCCEEDED',
    );
    expect(done).toMatchObject({ attempts: 2, result: { rows: 2_500, imported: 2_500 } });
    expect(await membersIn('接续')).toBe(2_500);
  });

  it('ends REJECTED with every problem counted and the first listed, and writes nothing', async () => {
    const sparse = csv(Array.from({ length: 20_000 }, (_, i) => `2020-01-01,,,,${i % 2 ? '' : '123'},,,`));
    const { id } = (await ask(START, { content: sparse, region: '330106' })).data.startPartyMemberImport;
    const rejected = await until(
      () => job(id),
      (state) => state.status === 'REJECTED',
    );
    expect(rejected.problems).toHaveLength(100);
    expect(rejected.rowCount).toBe(20_000);
    expect(rejected.problemCount).toBe(20_000 * 5 + 10_000);
    expect(rejected.message).toMatch(/^Nothing was imported/);
    // A file that is not a form at all: REJECTED, saying why.
    const junk = (await ask(START, { content: Buffer.from('not,a,form\n1,2,3').toString('base64'), region: '330106' }))
      .data.startPartyMemberImport;
    expect(
      await until(
        () => job(junk.id),
        (state) => state.status === 'REJECTED',
      ),
    ).toMatchObject({ problems: null, message: expect.stringContaining('lacks column') });
  });

  it('keeps at most IMPORT_JOB_MAX_OPEN jobs of one person queued or running, and stores nothing of a refused one', async () => {
    const lock = await holdCountyLock();
    try {
      for (let index = 0; index < 3; index++) {
        const started = await ask(START, { content: goodRows(5, `忙碌${index}`), region: '330106' });
        expect(started.errors).toBeUndefined();
      }
      const jobs = async () =>
        (
          await withConnection(ownerUrl(), (client) =>
            client.query(`select count(*)::int as n from member_import_job where requested_by = 'dev-admin@3301'`),
          )
        ).rows[0].n as number;
      const before = await jobs();
      const refused = await ask(START, { content: goodRows(5, '忙碌3'), region: '330106' });
      expect(errorCodes(refused)).toEqual(['IMPORT_JOBS_BUSY']);
      expect(await jobs()).toBe(before);
      // The same file again is still the job it was: no new one, no refusal.
      expect((await ask(START, { content: goodRows(5, '忙碌0'), region: '330106' })).errors).toBeUndefined();
    } finally {
      await lock.release();
    }
  });
});
