/**
 * Registry's fact feed refuses every credential but its own: a user token, a feed token signed with
 * the user-token secret, a token naming both audiences, a subgraph that is not a consumer of the
 * feed; and answers a position beyond any transaction as the caller's mistake (400), not the
 * database's (503).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { FEED_PATH, FEED_START, parseEnv, signFeedToken } from '@xgz/kit';
import { startTestSubgraphs, tokenFor, type SubgraphHarness } from '@xgz/testkit';
import { registrySubgraph } from '../src/server.js';

let harness: SubgraphHarness;
let feed: string;

const read = (token: string, after = FEED_START) =>
  fetch(`${feed}?after=${encodeURIComponent(after)}&types=MarketEntity&limit=10`, {
    headers: { authorization: `Bearer ${token}` },
  }).then(async (response) => ({
    status: response.status,
    code: response.ok
      ? null
      : ((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code,
  }));

const signed = (secret: string, subject: string, audience: string | string[]) =>
  new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(subject)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime('60s')
    .sign(new TextEncoder().encode(secret));

beforeAll(async () => {
  harness = await startTestSubgraphs([registrySubgraph]);
  feed = `${new URL(harness.subgraphs.registry!.url).origin}${FEED_PATH}`;
});

afterAll(() => harness?.stop());

describe('the fact feed', () => {
  it('opens to a named consumer with a token signed by FEED_SECRET', async () => {
    expect(await read(await signFeedToken(harness.env.FEED_SECRET!, 'organizations'))).toEqual({
      status: 200,
      code: null,
    });
  });

  it('refuses a user token, and a feed token signed with the user-token secret', async () => {
    expect(await read(await tokenFor(harness.env, '33', ['admin']))).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    expect(await read(await signFeedToken(harness.env.JWT_SECRET!, 'organizations'))).toEqual({
      status: 401,
      code: 'UNAUTHENTICATED',
    });
  });

  it('refuses a token naming the feed beside another audience, and it opens no graph either', async () => {
    const both = await signed(harness.env.FEED_SECRET!, 'organizations', ['xgz-fact-feed', harness.env.JWT_AUDIENCE]);
    expect(await read(both)).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    const graph = await fetch(harness.subgraphs.registry!.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${both}` },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(graph.status).toBe(401);
  });

  it('refuses a subgraph that is not a consumer of this feed', async () => {
    expect(await read(await signFeedToken(harness.env.FEED_SECRET!, 'intruder'))).toEqual({
      status: 403,
      code: 'FORBIDDEN',
    });
  });

  it('answers a position past any transaction id, or malformed, as a bad request', async () => {
    const token = await signFeedToken(harness.env.FEED_SECRET!, 'organizations');
    expect(await read(token, '99999999999999999999:00000000-0000-0000-0000-000000000000')).toEqual({
      status: 400,
      code: 'BAD_USER_INPUT',
    });
    expect(await read(token, '1:------------------------------------')).toEqual({
      status: 400,
      code: 'BAD_USER_INPUT',
    });
    expect(await read(token, '18446744073709551615:00000000-0000-0000-0000-000000000000')).toEqual({
      status: 200,
      code: null,
    });
  });

  it('has a secret of its own: the same secret for users and the feed is refused at start', () => {
    const same = 'one-secret-for-everything-of-32-characters';
    expect(() => parseEnv({}, { NODE_ENV: 'test', JWT_SECRET: same, FEED_SECRET: same })).toThrow(
      /FEED_SECRET: must differ from JWT_SECRET/,
    );
    expect(harness.env.FEED_SECRET).not.toBe(harness.env.JWT_SECRET);
  });
});
