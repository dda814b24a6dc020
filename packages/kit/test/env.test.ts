import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEnv, portVariable } from '../src/env.js';
import { createTokenVerifier, signDevToken } from '../src/auth.js';

describe('parseEnv', () => {
  it('fails fast, naming every bad variable', () => {
    expect(() => parseEnv({ PORT: portVariable(4001) }, { JWT_SECRET: 'short', PORT: 'abc' })).toThrow(
      /JWT_SECRET[\s\S]*PORT|PORT[\s\S]*JWT_SECRET/,
    );
  });

  it('requires a signing secret or a JWKS URL in production', () => {
    expect(() => parseEnv({}, { NODE_ENV: 'production' })).toThrow(/JWT_SECRET or JWKS_URL/);
    expect(() => parseEnv({}, { NODE_ENV: 'production', JWKS_URL: 'https://idp.example/jwks' })).toThrow(/FEED_SECRET/);
    const feedSecret = 'f'.repeat(32);
    expect(
      parseEnv({}, { NODE_ENV: 'production', JWKS_URL: 'https://idp.example/jwks', FEED_SECRET: feedSecret }).JWKS_URL,
    ).toBe('https://idp.example/jwks');
  });

  it('applies defaults for development', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'xgz-env-'));
    const env = parseEnv({ PORT: portVariable(4001) }, { DATA_DIR: dataDir });
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      PORT: 4001,
      LOG_LEVEL: 'info',
      QUERY_MAX_DEPTH: 10,
      JWT_MAX_LIFETIME_SECONDS: 43_200,
    });
    await rm(dataDir, { recursive: true });
  });

  it('signs development tokens with a random secret kept per installation, not a constant', async () => {
    const [first, second] = await Promise.all([
      mkdtemp(path.join(tmpdir(), 'xgz-env-')),
      mkdtemp(path.join(tmpdir(), 'xgz-env-')),
    ]);
    const installation = parseEnv({}, { DATA_DIR: first });
    const file = path.join(first, 'jwt-secret');
    expect(installation.JWT_SECRET).toBe(await readFile(file, 'utf8'));
    expect(installation.JWT_SECRET!.length).toBeGreaterThanOrEqual(43);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    // The next start of the same installation keeps it; another installation has its own.
    expect(parseEnv({}, { DATA_DIR: first }).JWT_SECRET).toBe(installation.JWT_SECRET);
    const other = parseEnv({}, { DATA_DIR: second });
    expect(other.JWT_SECRET).not.toBe(installation.JWT_SECRET);
    const token = await signDevToken(other, { regionCode: '33', roles: ['admin'] });
    await expect(createTokenVerifier(installation)(`Bearer ${token}`)).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
    await Promise.all([rm(first, { recursive: true }), rm(second, { recursive: true })]);
  });
});

describe('today', () => {
  it('follows the officials’ calendar (Asia/Shanghai), not UTC', async () => {
    const { today } = await import('../src/dates.js');
    expect(today(new Date('2026-11-21T20:00:00Z'))).toBe('2026-11-22');
    expect(today(new Date('2026-11-21T10:00:00Z'))).toBe('2026-11-21');
  });
});
