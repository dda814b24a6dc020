import { createHash } from 'node:crypto';
import { lstatSync, readlinkSync } from 'node:fs';
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
  const parent = path.dirname(path.resolve(requested));
  const existing = lstatSync(requested, { throwIfNoEntry: false });
  let folder = path.resolve(requested);
  if (existing?.isSymbolicLink()) {
    // An earlier start made the link; its target may have been removed since (it is made again, empty).
    folder = path.resolve(parent, readlinkSync(requested));
  } else {
    await mkdir(parent, { recursive: true });
    if (!accountCan(account, '-x', parent)) {
      if (existing)
        throw new Error(
          `The postgres user cannot reach ${requested}; move the data to a folder it can enter, or set DATABASE_URL.`,
        );
      folder = path.join(
        SHARED_RUNTIME_DIR,
        'data',
        createHash('sha256').update(path.resolve(requested)).digest('hex').slice(0, 16),
      );
      await mkdir(path.dirname(folder), { recursive: true, mode: 0o755 });
      await symlink(folder, requested);
    }
  }
  await mkdir(folder, { recursive: true, mode: 0o700 });
  if (account.uid !== undefined) await chown(folder, account.uid, account.gid!);
  return folder;
}
