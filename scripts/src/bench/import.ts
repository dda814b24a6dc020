/** Import benchmark: rows per second for a 10,000-row registration form (XLSX and CSV), into a scratch database. */
import { openAppOrm, regionScopedEntityManager, subgraphRoles, withConnection, type Viewer } from '@xgz/kit';
import { importPartyMembers, readRegistrationForm, registryDatabase, writeRegistrationForm } from '@xgz/registry';
import { sampleRegistrationForm } from '../sample-form.js';
import { withScratchDatabase } from './harness.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);

export async function benchImport() {
  await withScratchDatabase(async (adminUrl, env) => {
    const townships = await withConnection(subgraphRoles(adminUrl, 'registry', env.DB_ROLE_PASSWORD).ownerUrl, async (client) =>
      (await client.query<{ code: string }>(`select code from region where level = 'TOWNSHIP' and starts_with(code, '3301') order by code`)).rows.map((r) => r.code),
    );
    const orm = await openAppOrm(registryDatabase, { adminUrl, rolePassword: env.DB_ROLE_PASSWORD });
    const viewer: Viewer = { subject: 'bench', regionCode: '3301', roles: ['admin'] };
    console.log(`| file | rows | read | check + write | rows/s (whole import) | re-import (no change) |\n|---|---|---|---|---|---|`);
    try {
      for (const [format, seed] of [['XLSX', 1], ['CSV', 2]] as const) {
        const file = await writeRegistrationForm(sampleRegistrationForm(ROWS, townships, seed), format);
        const started = performance.now();
        const rows = await readRegistrationForm(file, format);
        const read = performance.now();
        const result = await importPartyMembers(regionScopedEntityManager(orm, '3301'), viewer, rows, { regionCode: '3301' });
        const done = performance.now();
        await importPartyMembers(regionScopedEntityManager(orm, '3301'), viewer, await readRegistrationForm(file, format), { regionCode: '3301' });
        const again = performance.now();
        if (result.imported !== ROWS) throw new Error(`imported ${result.imported} of ${ROWS}`);
        console.log(`| ${format} | ${ROWS} | ${((read - started) / 1000).toFixed(2)} s | ${((done - read) / 1000).toFixed(2)} s | ${Math.round(ROWS / ((done - started) / 1000))} | ${((again - done) / 1000).toFixed(2)} s |`);
      }
    } finally {
      await orm.close();
    }
  });
}
