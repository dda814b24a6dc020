/**
 * What an official or an attacker can do with the import and the export: learn nothing about
 * masked people, inject no formulas, duplicate nothing by racing, and exhaust nothing with a file.
 */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraphRoles } from '@xgz/kit';
import {
  errorCodes,
  executeGraphQL,
  startTestSubgraphs,
  tokenFor,
  withConnection,
  type SubgraphHarness,
} from '@xgz/testkit';
import { zipArchive } from '../../../scripts/src/zip-archive.js';
import { writeRegistrationForm } from '../src/modules/member-import/registration-form.writer.js';
import { registrySubgraph } from '../src/server.js';

let harness: SubgraphHarness;
let url: string;
let admin: string;
let official: string;

const IMPORT = `mutation($content: String!, $format: FileFormat!, $region: ID!, $dryRun: Boolean) {
  importPartyMembers(contentBase64: $content, format: $format, regionCode: $region, dryRun: $dryRun) { rows accepted imported unchanged unitsCreated dryRun personalDataMasked } }`;
const HEADER = '填表日期,单位名称,所在地区代码,党员姓名,手机号码,是否业主,党员类别,党员分布';

const csv = (...lines: string[]) => Buffer.from([HEADER, ...lines].join('\n'));
const importFile = (
  bytes: Buffer,
  options: { token?: string; dryRun?: boolean; format?: 'CSV' | 'XLSX'; region?: string } = {},
) =>
  executeGraphQL(url, IMPORT, {
    token: options.token ?? admin,
    variables: {
      content: bytes.toString('base64'),
      format: options.format ?? 'CSV',
      region: options.region ?? '330106',
      dryRun: options.dryRun ?? false,
    },
  });
const ownerQuery = async <Row extends Record<string, unknown>>(sql: string, values: unknown[] = []) =>
  withConnection(
    subgraphRoles(harness.database.adminUrl, 'registry', harness.env.DB_ROLE_PASSWORD).ownerUrl,
    async (client) => (await client.query<Row>(sql, values)).rows,
  );
const membersTotal = async (code: string) =>
  (
    await executeGraphQL(url, `{ region(code: "${code}") { registryFigures { partyMembers { total } } } }`, {
      token: admin,
    })
  ).data.region.registryFigures.partyMembers.total as number;

beforeAll(async () => {
  harness = await startTestSubgraphs([registrySubgraph]);
  url = harness.subgraphs.registry!.url;
  admin = await tokenFor(harness.env, '3301', ['admin']);
  official = await tokenFor(harness.env, '3301', ['official']);
});
afterAll(() => harness?.stop());

describe('masked personal data stays masked through imports', () => {
  it('answers a dry run the same whether a row matches a registered person or not', async () => {
    const known = await importFile(csv('2020-01-02,马记杂货,330106009,马晓东,13700001111,是,正式,个体工商户'));
    expect(known.errors, JSON.stringify(known.errors)).toBeUndefined();
    expect(known.data.importPartyMembers).toMatchObject({ imported: 1, unchanged: 0 });
    // The official knows the name and the masked mobile 137****1111, and guesses the rest.
    const guess = (mobile: string) =>
      importFile(csv(`2020-01-02,马记杂货,330106009,马晓东,${mobile},是,正式,个体工商户`), {
        token: official,
        dryRun: true,
      });
    const right = await guess('13700001111');
    const wrong = await guess('13700002111');
    expect(right.errors).toBeUndefined();
    expect(right.data).toEqual(wrong.data);
    expect(right.data.importPartyMembers).toEqual({
      rows: 1,
      accepted: 1,
      imported: null,
      unchanged: null,
      unitsCreated: 0,
      dryRun: true,
      personalDataMasked: true,
    });
    // An admin may see it, and does.
    const adminRun = await importFile(csv('2020-01-02,马记杂货,330106009,马晓东,13700001111,是,正式,个体工商户'), {
      dryRun: true,
    });
    expect(adminRun.data.importPartyMembers).toMatchObject({ imported: 0, unchanged: 1, personalDataMasked: false });
  });

  it('leaves an audit row for every dry run and for every admin search by name', async () => {
    const before = await ownerQuery<{ action: string; n: number }>(
      `select action, count(*)::int as n from audit_event where action in ('IMPORT_DRY_RUN', 'SEARCH_PERSONAL_DATA') group by action`,
    );
    const count = (rows: typeof before, action: string) => rows.find((row) => row.action === action)?.n ?? 0;
    await importFile(csv('2020-01-02,马记杂货,330106009,马晓东,13700003333,是,正式,个体工商户'), {
      token: official,
      dryRun: true,
    });
    const search = await executeGraphQL(url, '{ partyMembers(filter: { search: "马晓" }) { totalCount } }', {
      token: admin,
    });
    expect(search.data.partyMembers.totalCount).toBe(1);
    const after = await ownerQuery<{ action: string; n: number }>(
      `select action, count(*)::int as n from audit_event where action in ('IMPORT_DRY_RUN', 'SEARCH_PERSONAL_DATA') group by action`,
    );
    expect(count(after, 'IMPORT_DRY_RUN')).toBe(count(before, 'IMPORT_DRY_RUN') + 1);
    expect(count(after, 'SEARCH_PERSONAL_DATA')).toBe(count(before, 'SEARCH_PERSONAL_DATA') + 1);
    const [searched] = await ownerQuery<{ detail: string; actor: string }>(
      `select detail::text as detail, actor from audit_event where action = 'SEARCH_PERSONAL_DATA' order by at desc limit 1`,
    );
    expect(searched!.detail).not.toContain('马晓');
    expect(JSON.parse(searched!.detail)).toEqual({ field: 'name', matches: 1 });
  });
});

describe('the CSV export is safe to open in a spreadsheet', () => {
  it('neutralises cells that a spreadsheet would run as formulas, and imports them back unchanged', async () => {
    const names = ['=HYPERLINK("http://example.invalid/steal","点击")', '+86商行', '-减价店', '@home小铺'];
    await importFile(
      csv(
        ...names.map(
          (name, index) =>
            `2020-02-0${index + 1},"${name.replaceAll('"', '""')}",330106005,吴${index}号,1390000000${index},是,正式,个体工商户`,
        ),
      ),
    );
    const exported = await executeGraphQL(
      url,
      '{ exportPartyMembers(format: CSV, regionCode: "330106005") { rows contentBase64 } }',
      { token: admin },
    );
    const text = Buffer.from(exported.data.exportPartyMembers.contentBase64, 'base64').toString('utf8');
    const cells = (parse(text.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[]).map(
      (row) => row['单位名称']!,
    );
    expect(cells.sort()).toEqual(names.map((name) => `'${name}`).sort());
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    const back = await importFile(Buffer.from(exported.data.exportPartyMembers.contentBase64, 'base64'), {
      region: '330106005',
    });
    expect(back.data.importPartyMembers).toMatchObject({ rows: 4, imported: 0, unchanged: 4, unitsCreated: 0 });
  });
});

describe('concurrent imports', () => {
  it('add the same rows once when four identical imports arrive at once', async () => {
    const before = await Promise.all(['330106010', '3301'].map(membersTotal));
    const file = csv('2021-03-03,并发水果店,330106010,郑并发,13611112222,是,正式,个体工商户');
    const answers = await Promise.all(Array.from({ length: 4 }, () => importFile(file)));
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    expect(answers.map((answer) => answer.data.importPartyMembers.imported).sort()).toEqual([0, 0, 0, 1]);
    const units = await ownerQuery<{ n: number }>(
      `select count(*)::int as n from market_entity where name = '并发水果店'`,
    );
    const members = await ownerQuery<{ n: number }>(
      `select count(*)::int as n from party_member where name = '郑并发'`,
    );
    expect(units[0]!.n).toBe(1);
    expect(members[0]!.n).toBe(1);
    expect(await Promise.all(['330106010', '3301'].map(membersTotal))).toEqual(before.map((total) => total + 1));
    const later = await importFile(file);
    expect(later.data.importPartyMembers).toMatchObject({ accepted: 1, imported: 0, unchanged: 1, unitsCreated: 0 });
  });
});

describe('files are bounded', () => {
  it('refuses an XLSX that unpacks past IMPORT_MAX_UNCOMPRESSED_BYTES, even one whose headers lie about its size', async () => {
    const form = await writeRegistrationForm([], 'XLSX');
    const huge = Buffer.alloc(70 * 1024 * 1024, 'A');
    for (const declaredSize of [undefined, 1_000]) {
      const bomb = zipArchive([
        { name: '[Content_Types].xml', data: form.subarray(0, 10) },
        { name: 'xl/sharedStrings.xml', data: huge, declaredSize },
      ]);
      expect(bomb.length).toBeLessThan(200 * 1024);
      const response = await importFile(bomb, { format: 'XLSX' });
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0]!.message).toMatch(
        declaredSize ? /damaged|unpacks to more than/ : /unpacks to more than \d+ bytes/,
      );
    }
  });

  it('counts every problem of a sparse 2,000-row file but lists only the first 100, in a small answer', async () => {
    const sparse = csv(...Array.from({ length: 2_000 }, (_, i) => `2020-01-01,,,,${i % 2 ? '' : '123'},,,`));
    const response = await importFile(sparse);
    expect(errorCodes(response)).toEqual(['IMPORT_REJECTED']);
    const extensions = response.errors![0]!.extensions as {
      problems: unknown[];
      problemCount: number;
      rowCount: number;
    };
    expect(extensions.problems).toHaveLength(100);
    expect(extensions.rowCount).toBe(2_000);
    expect(extensions.problemCount).toBe(2_000 * 5 + 1_000);
    expect(response.raw.length).toBeLessThan(30_000);
  });

  it('refuses more rows than IMPORT_MAX_ROWS, cells over 200 characters or with control characters, and files over IMPORT_MAX_FILE_BYTES', async () => {
    const tooMany = csv(
      ...Array.from({ length: 50_001 }, (_, i) => `2020-01-01,店${i},330106001,人${i},,是,正式,个体工商户`),
    );
    const many = await importFile(tooMany);
    expect(errorCodes(many)).toEqual(['BAD_USER_INPUT']);
    expect(many.errors![0]!.message).toContain('more than 50000 rows');
    const cells = await importFile(
      csv(
        `2020-01-01,${'长'.repeat(201)},330106001,周一,,是,正式,个体工商户`,
        '2020-01-01,"店\u0007",330106001,周二,,是,正式,个体工商户',
      ),
    );
    expect(errorCodes(cells)).toEqual(['IMPORT_REJECTED']);
    expect(
      (cells.errors![0]!.extensions!.problems as { row: number; column: string; reason: string }[]).map((p) => [
        p.row,
        p.column,
        p.reason.split(' (')[0],
      ]),
    ).toEqual([
      [2, '单位名称', 'is longer than 200 characters'],
      [3, '单位名称', 'contains a control character'],
    ]);
    const large = await importFile(Buffer.alloc(11 * 1024 * 1024, 'a'));
    expect(errorCodes(large)).toEqual(['BAD_USER_INPUT']);
    expect(large.errors![0]!.message).toContain('IMPORT_MAX_FILE_BYTES');
  });
});
