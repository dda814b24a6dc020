import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, executeGraphQL, startTestSubgraphs, tokenFor, type SubgraphHarness } from '@xgz/testkit';
import { sampleRegistrationForm } from '../../../scripts/src/sample-form.js';
import { writeRegistrationForm } from '../src/modules/member-import/registration-form.writer.js';
import { registrySubgraph } from '../src/server.js';

let harness: SubgraphHarness;
let url: string;
let admin: string;

const TOWNSHIPS = ['330106002', '330106004', '330106005', '330106007'];
const IMPORT = `mutation($content: String!, $format: FileFormat!, $region: ID!, $dryRun: Boolean) {
  importPartyMembers(contentBase64: $content, format: $format, regionCode: $region, dryRun: $dryRun) { rows imported unchanged unitsCreated dryRun } }`;
const TOTAL = `{ region(code: "330106") { registryFigures { marketEntities { existing } partyMembers { total } } } }`;

const importFile = (bytes: Buffer, format: 'CSV' | 'XLSX', dryRun = false, region = '330106') =>
  executeGraphQL(url, IMPORT, {
    token: admin,
    variables: { content: bytes.toString('base64'), format, region, dryRun },
  });

/** Imports a file too large for one request as a job, following it until it ends; returns the job as it ended. */
async function importAsJob(bytes: Buffer, format: 'CSV' | 'XLSX', dryRun = false) {
  const started = await executeGraphQL(
    url,
    `mutation($content: String!, $format: FileFormat!, $dryRun: Boolean) { startPartyMemberImport(contentBase64: $content, format: $format, regionCode: "330106", dryRun: $dryRun) { id } }`,
    { token: admin, variables: { content: bytes.toString('base64'), format, dryRun } },
  );
  expect(started.errors).toBeUndefined();
  const id = started.data.startPartyMemberImport.id as string;
  for (let waited = 0; waited < 120_000; waited += 100) {
    const job = (
      await executeGraphQL(
        url,
        `query($id: ID!) { partyMemberImport(id: $id) { id status problems { row column reason } result { rows imported unchanged unitsCreated dryRun } } }`,
        {
          token: admin,
          variables: { id },
        },
      )
    ).data.partyMemberImport;
    if (!['QUEUED', 'RUNNING'].includes(job.status)) return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`import job ${id} did not end within 2 minutes`);
}
const totals = async () => {
  const figures = (await executeGraphQL(url, TOTAL, { token: admin })).data.region.registryFigures;
  const listed = await executeGraphQL(
    url,
    '{ partyMembers(first: 1, filter: { regionCode: "330106" }) { totalCount } marketEntities(first: 1, filter: { regionCode: "330106" }) { totalCount } }',
    { token: admin },
  );
  return {
    ...figures,
    listedMembers: listed.data.partyMembers.totalCount,
    listedUnits: listed.data.marketEntities.totalCount,
  };
};

beforeAll(async () => {
  harness = await startTestSubgraphs([registrySubgraph]);
  url = harness.subgraphs.registry!.url;
  admin = await tokenFor(harness.env, '3301', ['admin']);
});
afterAll(() => harness?.stop());

describe('importing the registration form', () => {
  const rows = sampleRegistrationForm(10_000, TOWNSHIPS, 2016);

  it('rejects a 10,000-row file with one bad row (a job), names it, and writes nothing', async () => {
    const before = await totals();
    const bad = rows.map((row, index) => (index === 4_999 ? { ...row, mobile: '12345' } : row));
    const job = await importAsJob(await writeRegistrationForm(bad, 'XLSX'), 'XLSX');
    expect(job.status).toBe('REJECTED');
    expect(job.problems).toEqual([
      { row: 5_001, column: '手机号码', reason: 'must be 11 digits starting with 1 (e.g. 13812341234)' },
    ]);
    expect(await totals()).toEqual(before);
  });

  it('imports the fixed file in one job, and the same file sent again is that job: nothing added', async () => {
    const before = await totals();
    const file = await writeRegistrationForm(rows, 'XLSX');
    const dry = await importAsJob(file, 'XLSX', true);
    expect(dry.result).toMatchObject({ rows: 10_000, imported: 10_000, dryRun: true });
    expect(await totals()).toEqual(before);
    const first = await importAsJob(file, 'XLSX');
    expect(first.status).toBe('SUCCEEDED');
    const units = first.result.unitsCreated;
    expect(first.result).toMatchObject({ rows: 10_000, imported: 10_000, unchanged: 0 });
    const after = await totals();
    expect(after.partyMembers.total).toBe(before.partyMembers.total + 10_000);
    expect(after.marketEntities.existing).toBe(before.marketEntities.existing + units);
    const again = await importAsJob(file, 'XLSX');
    expect(again).toEqual(first);
    expect(await totals()).toEqual(after);
  });

  it('reads GBK CSV as Chinese Excel writes it, and lists every problem of every row', async () => {
    const header = '填表日期,单位名称,党员姓名,手机号码,是否业主,党员类别,党员分布,党员类型';
    const lines = [
      header,
      '2016/3/8,陈记布艺店,陈美玲,13566667777,是,正式,市场内个体工商户,流动',
      '2016年3月9日,陈记布艺店,陈国强,,否,预备,市场内个体工商户,隶属',
      '2016-02-30,陈记布艺店,,1356666,也许,正常,商店,外地',
    ];
    const gbk = iconv.encode(lines.join('\r\n'), 'gbk');
    const rejected = await importFile(gbk, 'CSV', false, '330106008');
    expect(errorCodes(rejected)).toEqual(['IMPORT_REJECTED']);
    const problems = rejected.errors![0]!.extensions!.problems as { row: number; column: string }[];
    expect(problems.every((problem) => problem.row === 4)).toBe(true);
    expect(problems.map((problem) => problem.column).sort()).toEqual(
      ['党员分布', '党员姓名', '党员类别', '党员类型', '填表日期', '手机号码', '是否业主'].sort(),
    );
    const good = iconv.encode(lines.slice(0, 3).join('\r\n'), 'gbk');
    const imported = await importFile(good, 'CSV', false, '330106008');
    expect(imported.data.importPartyMembers).toMatchObject({ rows: 2, imported: 2, unitsCreated: 1 });
    const listed = await executeGraphQL(
      url,
      '{ partyMembers(filter: { regionCode: "330106008" }) { edges { node { name relationshipType category registeredOn } } } }',
      {
        token: admin,
      },
    );
    expect(listed.data.partyMembers.edges.map((e: { node: unknown }) => e.node)).toEqual(
      expect.arrayContaining([
        { name: '陈美玲', relationshipType: 'FLOATING', category: 'FORMAL', registeredOn: '2016-03-08' },
        { name: '陈国强', relationshipType: 'AFFILIATED', category: 'PROBATIONARY', registeredOn: '2016-03-09' },
      ]),
    );
  });

  it('refuses a file without the form headers or outside the region', async () => {
    const noHeader = await importFile(Buffer.from('a,b,c\n1,2,3\n'), 'CSV');
    expect(errorCodes(noHeader)).toEqual(['BAD_USER_INPUT']);
    expect(noHeader.errors![0]!.message).toContain('单位名称');
    const outside = await importFile(await writeRegistrationForm(rows.slice(0, 3), 'CSV'), 'CSV', false, '3302');
    expect(errorCodes(outside)).toEqual(['FORBIDDEN']);
  });

  it('exports the form so that it imports back unchanged', async () => {
    const exported = await executeGraphQL(
      url,
      '{ exportPartyMembers(format: CSV, regionCode: "330106008") { fileName rows personalDataMasked contentBase64 } }',
      { token: admin },
    );
    expect(exported.data.exportPartyMembers).toMatchObject({ rows: 2, personalDataMasked: false });
    const back = await importFile(
      Buffer.from(exported.data.exportPartyMembers.contentBase64, 'base64'),
      'CSV',
      false,
      '330106008',
    );
    expect(back.data.importPartyMembers).toMatchObject({ rows: 2, imported: 0, unchanged: 2, unitsCreated: 0 });
    const official = await tokenFor(harness.env, '3301', ['official']);
    const masked = await executeGraphQL(
      url,
      '{ exportPartyMembers(format: CSV, regionCode: "330106008") { personalDataMasked contentBase64 } }',
      { token: official },
    );
    const text = Buffer.from(masked.data.exportPartyMembers.contentBase64, 'base64').toString('utf8');
    expect(masked.data.exportPartyMembers.personalDataMasked).toBe(true);
    expect(text).not.toContain('陈美玲');
    expect(text).toContain('135****7777');
  });
});
