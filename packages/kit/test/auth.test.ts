import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { createTokenVerifier, signDevToken } from '../src/auth.js';
import { listenHttp } from '../src/http-listen.js';

const devEnv = {
  JWT_SECRET: 'a-test-secret-of-enough-length-for-hs256',
  JWKS_URL: undefined,
  JWT_ISSUER: 'xgz-dev',
  JWT_AUDIENCE: 'xgz',
  JWT_MAX_LIFETIME_SECONDS: 12 * 3600,
};
const secret = new TextEncoder().encode(devEnv.JWT_SECRET);

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: { extensions?: { code?: string } }) => error.extensions?.code,
  );

/** A token as a careless or hostile issuer might make it: every claim optional. */
function handMade(
  options: {
    alg?: string;
    iat?: number | null;
    exp?: number | null;
    region?: string;
    audience?: string | string[];
  } = {},
) {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({ region: options.region ?? '33', roles: ['admin'] })
    .setProtectedHeader({ alg: options.alg ?? 'HS256' })
    .setSubject('someone')
    .setIssuer('xgz-dev')
    .setAudience(options.audience ?? 'xgz');
  if (options.iat !== null) jwt.setIssuedAt(options.iat ?? now);
  if (options.exp !== null) jwt.setExpirationTime(options.exp ?? now + 3600);
  return jwt.sign(secret);
}

describe('HS256 development tokens', () => {
  const verify = createTokenVerifier(devEnv);

  it('round-trips region and roles', async () => {
    const token = await signDevToken(devEnv, { regionCode: '3301', roles: ['official', 'analyst'] });
    await expect(verify(`Bearer ${token}`)).resolves.toMatchObject({
      regionCode: '3301',
      roles: ['official', 'analyst'],
    });
    await expect(verify(`Bearer ${await handMade()}`)).resolves.toMatchObject({ regionCode: '33' });
  });

  it('rejects a missing header, another secret, an expired token and a bad region claim', async () => {
    expect(await codeOf(verify(undefined))).toBe('UNAUTHENTICATED');
    const otherSecret = await signDevToken(
      { ...devEnv, JWT_SECRET: 'another-secret-of-enough-length-for-hs256' },
      { regionCode: '33', roles: ['admin'] },
    );
    expect(await codeOf(verify(`Bearer ${otherSecret}`))).toBe('UNAUTHENTICATED');
    const expired = await signDevToken(devEnv, { regionCode: '33', roles: ['admin'], expiresIn: '-1m' });
    expect(await codeOf(verify(`Bearer ${expired}`))).toBe('UNAUTHENTICATED');
    expect(await codeOf(verify(`Bearer ${await handMade({ region: '3x' })}`))).toBe('UNAUTHENTICATED');
  });

  it('requires exp and iat, and refuses a token meant to live longer than JWT_MAX_LIFETIME_SECONDS', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect(await codeOf(verify(`Bearer ${await handMade({ exp: null })}`))).toBe('UNAUTHENTICATED');
    expect(await codeOf(verify(`Bearer ${await handMade({ iat: null })}`))).toBe('UNAUTHENTICATED');
    expect(await codeOf(verify(`Bearer ${await handMade({ exp: now + 100 * 365 * 86_400 })}`))).toBe('UNAUTHENTICATED');
    expect(await codeOf(verify(`Bearer ${await handMade({ exp: now + 13 * 3600 })}`))).toBe('UNAUTHENTICATED');
    expect(await codeOf(verify(`Bearer ${await handMade({ exp: now + 11 * 3600 })}`))).toBe('resolved');
    // A later issue time does not stretch the window: lifetime is exp − iat, and iat may not be in the future.
    expect(await codeOf(verify(`Bearer ${await handMade({ iat: now + 3600, exp: now + 7200 })}`))).toBe(
      'UNAUTHENTICATED',
    );
    const longLived = createTokenVerifier({ ...devEnv, JWT_MAX_LIFETIME_SECONDS: 14 * 3600 });
    expect(await codeOf(longLived(`Bearer ${await handMade({ exp: now + 13 * 3600 })}`))).toBe('resolved');
  });

  it('refuses a region that is not a province, city, county or township of the tree', async () => {
    for (const region of ['3399', '00', '330106999', '330106002001'])
      expect(await codeOf(verify(`Bearer ${await handMade({ region })}`)), region).toBe('UNAUTHENTICATED');
    for (const region of ['33', '3301', '330106', '330106002'])
      expect(await codeOf(verify(`Bearer ${await handMade({ region })}`)), region).toBe('resolved');
    await expect(signDevToken(devEnv, { regionCode: '3399', roles: ['admin'] })).rejects.toThrow(/division tree/);
  });

  it('requires exactly the graph audience: a list naming it beside another is refused', async () => {
    expect(await codeOf(verify(`Bearer ${await handMade({ audience: ['xgz', 'xgz-fact-feed'] })}`))).toBe(
      'UNAUTHENTICATED',
    );
    expect(await codeOf(verify(`Bearer ${await handMade({ audience: 'xgz-fact-feed' })}`))).toBe('UNAUTHENTICATED');
    expect(await codeOf(verify(`Bearer ${await handMade({ audience: ['xgz'] })}`))).toBe('resolved');
  });

  it('accepts HS256 only for a shared secret', async () => {
    expect(await codeOf(verify(`Bearer ${await handMade({ alg: 'HS512' })}`))).toBe('UNAUTHENTICATED');
    expect(await codeOf(verify(`Bearer ${await handMade({ alg: 'HS384' })}`))).toBe('UNAUTHENTICATED');
  });
});

describe('tokens from an identity provider (JWKS_URL)', () => {
  let server: Server;
  let close: () => Promise<void>;
  let jwksUrl: string;
  let privateKey: CryptoKey;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'test', alg: 'RS256' };
    server = createServer((_request, response) =>
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })),
    );
    const listening = await listenHttp(server, 0, '127.0.0.1');
    close = listening.close;
    jwksUrl = `http://127.0.0.1:${listening.port}/.well-known/jwks.json`;
  });
  afterAll(() => close?.());

  const providerToken = (expiresIn: string) =>
    new SignJWT({ region: '46', roles: ['analyst'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'test' })
      .setSubject('official@hainan')
      .setIssuer('xgz-dev')
      .setAudience('xgz')
      .setIssuedAt()
      .setExpirationTime(expiresIn)
      .sign(privateKey);

  it('verifies RS256 tokens against the published keys and refuses HS256 ones', async () => {
    const verify = createTokenVerifier({ ...devEnv, JWT_SECRET: undefined, JWKS_URL: jwksUrl });
    await expect(verify(`Bearer ${await providerToken('1h')}`)).resolves.toEqual({
      subject: 'official@hainan',
      regionCode: '46',
      roles: ['analyst'],
    });
    expect(await codeOf(verify(`Bearer ${await providerToken('30d')}`))).toBe('UNAUTHENTICATED');
    const devToken = await signDevToken(devEnv, { regionCode: '46', roles: ['admin'] });
    expect(await codeOf(verify(`Bearer ${devToken}`))).toBe('UNAUTHENTICATED');
  });
});
