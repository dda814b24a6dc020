import { describe, expect, it } from 'vitest';
import { parseEnv, portVariable } from '../src/env.js';

describe('parseEnv', () => {
  it('fails fast, naming every bad variable', () => {
    expect(() => parseEnv({ PORT: portVariable(4001) }, { JWT_SECRET: 'short', PORT: 'abc' })).toThrow(/JWT_SECRET[\s\S]*PORT|PORT[\s\S]*JWT_SECRET/);
  });

  it('requires a signing secret or a JWKS URL in production', () => {
    expect(() => parseEnv({}, { NODE_ENV: 'production' })).toThrow(/JWT_SECRET or JWKS_URL/);
    expect(parseEnv({}, { NODE_ENV: 'production', JWKS_URL: 'https://idp.example/jwks' }).JWKS_URL).toBe('https://idp.example/jwks');
  });

  it('applies defaults for development', () => {
    const env = parseEnv({ PORT: portVariable(4001) }, {});
    expect(env).toMatchObject({ NODE_ENV: 'development', PORT: 4001, LOG_LEVEL: 'info' });
  });
});

describe('today', () => {
  it('follows the officials’ calendar (Asia/Shanghai), not UTC', async () => {
    const { today } = await import('../src/dates.js');
    expect(today(new Date('2026-11-21T20:00:00Z'))).toBe('2026-11-22');
    expect(today(new Date('2026-11-21T10:00:00Z'))).toBe('2026-11-21');
  });
});
