import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The one command that prints a development token, as every message and page names it. */
export const DEV_TOKEN_COMMAND = 'npm run -s token --';

/**
 * A development secret: random, made once per installation and kept (owner-only) in the
 * git-ignored data folder, so a token signed with anything public opens nobody's running system.
 * `name` keeps them apart: user tokens sign with jwt-secret, the fact feed with feed-secret.
 */
export function developmentSecret(dataDir: string, name: 'jwt-secret' | 'feed-secret' = 'jwt-secret'): string {
  const file = path.join(dataDir, name);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    // 'wx': two processes starting at once keep whichever secret was written first.
    try {
      writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return readFileSync(file, 'utf8').trim();
}

/** Tests sign and verify inside one process: secrets of its own, never written anywhere — one for users, one for the feed. */
export const TEST_PROCESS_SECRET = randomBytes(32).toString('base64url');
export const TEST_PROCESS_FEED_SECRET = randomBytes(32).toString('base64url');
