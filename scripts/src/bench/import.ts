/** Import benchmark: rows per second for a 10,000-row registration form (XLSX and CSV), into a scratch database. */
import { GraphQLError } from 'graphql';
import { openAppOrm, regionScopedEntityManager, subgraphRoles, withConnection, type Viewer } from '@xgz/kit';
import {
  FormFileError,
  importPartyMembers,
  readRegistrationForm,
  registryDatabase,
  writeRegistrationForm,
} from '@xgz/registry';
import { sampleRegistrationForm } from '../sample-form.js';
import { zipArchive } from '../zip-archive.js';
import { withScratchDatabase } from './harness.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);

export async function benchImport() {
  await withScratchDatabase(async (adminUrl, env) => {
    const townships = await withConnection(
      subgraphRoles(adminUrl, 'registry', env.DB_ROLE_PASSWORD).ownerUrl,
      async (client) =>
        (
          await client.query<{ code: string }>(
            `select code from region where level = 'TOWNSHIP' and starts_with(code, '3301') order by code`,
          )
        ).rows.map((r) => r.code),
    );
    const orm = await openAppOrm(registryDatabase, { adminUrl, rolePassword: env.DB_ROLE_PASSWORD });
    const viewer: Viewer = { subject: 'bench', regionCode: '3301', roles: ['admin'] };
    console.log(
      `| file | rows | read | check + write | rows/s (whole import) | re-import (no change) |\n|---|---|---|---|---|---|`,
    );
    try {
      for (const [format, seed] of [
        ['XLSX', 1],
        ['CSV', 2],
      ] as const) {
        const file = await writeRegistrationForm(sampleRegistrationForm(ROWS, townships, seed), format);
        const started = performance.now();
        const rows = await readRegistrationForm(file, format);
        const read = performance.now();
        const result = await importPartyMembers(regionScopedEntityManager(orm, '3301'), viewer, rows, {
          regionCode: '3301',
        });
        const done = performance.now();
        await importPartyMembers(
          regionScopedEntityManager(orm, '3301'),
          viewer,
          await readRegistrationForm(file, format),
          { regionCode: '3301' },
        );
        const again = performance.now();
        if (result.imported !== ROWS) throw new Error(`imported ${result.imported} of ${ROWS}`);
        console.log(
          `| ${format} | ${ROWS} | ${((read - started) / 1000).toFixed(2)} s | ${((done - read) / 1000).toFixed(2)} s | ${Math.round(ROWS / ((done - started) / 1000))} | ${((again - done) / 1000).toFixed(2)} s |`,
        );
      }
      console.log('');
      await benchZipBomb();
    } finally {
      await orm.close();
    }
  });
}

/**
 * The file: about 100 kB holding one 100 MB shared string, refused before it is unpacked
 * for reading — once with honest headers, once with headers claiming 1 kB.
 */
async function benchZipBomb() {
  for (const declaredSize of [undefined, 1_000]) {
    const bomb = zipArchive([
      { name: 'xl/sharedStrings.xml', data: Buffer.alloc(100 * 1024 * 1024, 'A'), declaredSize },
    ]);
    const before = process.memoryUsage().rss;
    const peakBefore = process.resourceUsage().maxRSS * 1024;
    const started = performance.now();
    const refused = await readRegistrationForm(bomb, 'XLSX').then(
      () => 'read (not refused!)',
      (error: unknown) =>
        error instanceof FormFileError || error instanceof GraphQLError ? 'refused' : `failed: ${String(error)}`,
    );
    const took = performance.now() - started;
    const peakGrowth = Math.max(0, process.resourceUsage().maxRSS * 1024 - Math.max(before, peakBefore));
    console.log(
      `zip bomb (${declaredSize ? 'headers claim 1 kB' : 'honest headers'}): ${Math.round(bomb.length / 1024)} kB unpacking to 100 MB — ${refused} in ${took.toFixed(0)} ms; peak memory grew ${(peakGrowth / 1024 / 1024).toFixed(0)} MB`,
    );
  }
}
