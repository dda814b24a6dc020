import { createHash } from 'node:crypto';
import { existsSync, lstatSync, realpathSync } from 'node:fs';
import { chown, mkdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import { SHARED_RUNTIME_DIR } from './postgres-binaries.js';
import { accountCan, type ServerAccount } from './server-account.js';

/**
 * The folder the server keeps its data in, owned by `account`. Asked for a folder the postgres
 * user cannot reach (the project under /root or inside `mktemp -d`), the data goes to a folder of
 * its own under /var/lib, and `requested` becomes a link to it, so `.data/postgres` still says
 * where the data is.
 */
export async function serverDataFolder(requested: string, account: ServerAccount): Promise<string> {
  if (existsSync(requested) && lstatSync(requested).isSymbolicLink()) return realpathSync(requested);
  const parent = path.dirname(path.resolve(requested));
  await mkdir(parent, { recursive: true });
  let folder = path.resolve(requested);
  if (!accountCan(account, '-x', parent)) {
    if (existsSync(requested)) {
      throw new Error(`The postgres user cannot reach ${requested}; move the data to a folder it can enter, or set DATABASE_URL.`);
    }
    folder = path.join(SHARED_RUNTIME_DIR, 'data', createHash('sha256').update(path.resolve(requested)).digest('hex').slice(0, 16));
    await mkdir(path.dirname(folder), { recursive: true, mode: 0o755 });
    await mkdir(folder, { recursive: true, mode: 0o700 });
    await symlink(folder, requested);
  }
  await mkdir(folder, { recursive: true, mode: 0o700 });
  if (account.uid !== undefined) await chown(folder, account.uid, account.gid!);
  return folder;
}
