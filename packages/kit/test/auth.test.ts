import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { createTokenVerifier, signDevToken } from '../src/auth.js';
import { listenHttp } from '../src/http-listen.js';

const devEnv = { JWT_SECRET: 'a-test-secret-of-enough-length', JWKS_URL: undefined, JWT_ISSUER: 'xgz-dev', JWT_AUDIENCE: 'xgz' };

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: { extensions?: { code?: string } }) => error.extensions?.code,
  );

describe('HS256 development tokens', () => {
  const verify = createTokenVerifier(devEnv);

  it('round-trips region and roles', async () => {
    const token = await signDevToken(devEnv, { regionCode: '3301', roles: ['official', 'analyst'] });
    await expect(verify(`Bearer ${token}`)).resolves.toMatchObject({ regionCode: '3301', roles: ['official', 'analyst'] });
  });

  it('rejects a missing header, another secret, an expired token and a bad region claim', async () => {
    expect(await codeOf(verify(undefined))).toBe('UNAUTHENTICATED');
    const otherSecret = await signDevToken({ ...devEnv, JWT_SECRET: 'another-secret-of-enough-length' }, { regionCode: '33', roles: ['admin'] });
    expect(await codeOf(verify(`Bearer ${otherSecret}`))).toBe('UNAUTHENTICATED');
    const expired = await signDevToken(devEnv, { regionCode: '33', roles: ['admin'], expiresIn: '-1m' });
    expect(await codeOf(verify(`Bearer ${expired}`))).toBe('UNAUTHENTICATED');
    const badRegion = await new SignJWT({ region: '3x', roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('someone')
      .setIssuer('xgz-dev')
      .setAudience('xgz')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(devEnv.JWT_SECRET));
    expect(await codeOf(verify(`Bearer ${badRegion}`))).toBe('UNAUTHENTICATED');
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
    server = createServer((_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })));
    const listening = await listenHttp(server, 0, '127.0.0.1');
    close = listening.close;
    jwksUrl = `http://127.0.0.1:${listening.port}/.well-known/jwks.json`;
  });
  afterAll(() => close?.());

  it('verifies RS256 tokens against the published keys', async () => {
    const verify = createTokenVerifier({ ...devEnv, JWT_SECRET: undefined, JWKS_URL: jwksUrl });
    const token = await new SignJWT({ region: '46', roles: ['analyst'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'test' })
      .setSubject('official@hainan')
      .setIssuer('xgz-dev')
      .setAudience('xgz')
      .setExpirationTime('1h')
      .sign(privateKey);
    await expect(verify(`Bearer ${token}`)).resolves.toEqual({ subject: 'official@hainan', regionCode: '46', roles: ['analyst'] });
    const devToken = await signDevToken(devEnv, { regionCode: '46', roles: ['admin'] });
    expect(await codeOf(verify(`Bearer ${devToken}`))).toBe('UNAUTHENTICATED');
  });
});
