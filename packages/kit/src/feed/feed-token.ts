import { jwtVerify, SignJWT } from 'jose';

/** Feed tokens are for subgraphs, never users: their own audience, so a user's token opens no feed and a feed token no graph. */
const FEED_AUDIENCE = 'xgz-fact-feed';
/** Signed per request; a copied token is worthless within a minute. */
const FEED_TOKEN_SECONDS = 60;

const keyOf = (secret: string) => new TextEncoder().encode(secret);

/** A short-lived service token (HS256, FEED_SECRET) naming the consuming subgraph. */
export function signFeedToken(secret: string, consumer: string): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(consumer)
    .setAudience(FEED_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${FEED_TOKEN_SECONDS}s`)
    .sign(keyOf(secret));
}

/**
 * The consuming subgraph's name, or null when the bearer is not a valid feed token: signed with
 * FEED_SECRET, for exactly the feed's audience (a list naming it beside another is refused), fresh.
 */
export async function verifyFeedToken(secret: string, authorization: string | undefined): Promise<string | null> {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!token) return null;
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), {
      audience: FEED_AUDIENCE,
      algorithms: ['HS256'],
      requiredClaims: ['exp', 'iat', 'sub'],
      maxTokenAge: FEED_TOKEN_SECONDS + 30,
    });
    if (payload.aud !== FEED_AUDIENCE) return null;
    return payload.sub ?? null;
  } catch {
    return null;
  }
}
