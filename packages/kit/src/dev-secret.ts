import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The one command that prints a development token, as every message and page names it. */
export const DEV_TOKEN_COMMAND = 'npm run -s token --';

/**
 * The development token secret: random, made once per installation and kept (owner-only) in the
 * git-ignored data folder, so a token signed with anything public opens nobody's running system.
 */
export function developmentSecret(dataDir: string): string {
  const file = path.join(dataDir, 'jwt-secret');
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

/** Tests sign and verify inside one process: a secret of its own, never written anywhere. */
export const TEST_PROCESS_SECRET = randomBytes(32).toString('base64url');
