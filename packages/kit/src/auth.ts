import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import type { SharedEnv } from './env.js';
import { isDivisionAboveVillage } from './division-tree.js';
import { unauthenticated } from './errors.js';

/** Roles a token may carry; what each may do is decided where the data lives. */
export const Roles = ['admin', 'official', 'analyst'] as const;
export type Role = (typeof Roles)[number];

/** The caller: who they are, the region subtree they work in, and their roles. */
export interface Viewer {
  subject: string;
  regionCode: string;
  roles: readonly Role[];
}

const regionCodePattern = /^\d{2}(\d{2}(\d{2}(\d{3}(\d{3})?)?)?)?$/;
export const isRegionCode = (code: string) => regionCodePattern.test(code);

const claimsSchema = z.object({
  sub: z.string().min(1).max(200),
  region: z.string().regex(regionCodePattern, 'region must be a 2/4/6/9/12-digit division code'),
  roles: z.array(z.enum(Roles)).min(1).max(Roles.length),
});

type AuthEnv = Pick<SharedEnv, 'JWT_SECRET' | 'JWKS_URL' | 'JWT_ISSUER' | 'JWT_AUDIENCE' | 'JWT_MAX_LIFETIME_SECONDS'>;

/** A shared secret signs with HS256 only; an identity provider's keys with RS256 or ES256 only. */
const SECRET_ALGORITHMS = ['HS256'];
const JWKS_ALGORITHMS = ['RS256', 'ES256'];
/** Clocks on different machines disagree a little. */
const CLOCK_TOLERANCE_SECONDS = 30;

function secretKey(env: AuthEnv): Uint8Array {
  if (!env.JWT_SECRET)
    throw new Error('JWT_SECRET is not set: parseEnv provides one in development and test, production must set it.');
  return new TextEncoder().encode(env.JWT_SECRET);
}

/**
 * Builds a verifier once per process; JWKS keys are fetched and cached by jose. A token must name
 * its expiry and issue time, live no longer than JWT_MAX_LIFETIME_SECONDS, and be signed with a
 * pinned algorithm.
 */
export function createTokenVerifier(env: AuthEnv) {
  const key: Uint8Array | JWTVerifyGetKey = env.JWKS_URL ? createRemoteJWKSet(new URL(env.JWKS_URL)) : secretKey(env);
  const algorithms = env.JWKS_URL ? JWKS_ALGORITHMS : SECRET_ALGORITHMS;
  return async function verify(authorization: string | null | undefined): Promise<Viewer> {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) throw unauthenticated();
    try {
      const { payload } = await jwtVerify(token, key as Uint8Array, {
        issuer: env.JWT_ISSUER,
        audience: env.JWT_AUDIENCE,
        algorithms,
        requiredClaims: ['exp', 'iat', 'sub'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      });
      if (payload.exp! - payload.iat! > env.JWT_MAX_LIFETIME_SECONDS) throw new Error('token lifetime over the limit');
      // Exactly the graph's audience: a token meant for the graph and something else (the fact feed) opens neither.
      const audience = Array.isArray(payload.aud) && payload.aud.length === 1 ? payload.aud[0] : payload.aud;
      if (audience !== env.JWT_AUDIENCE) throw new Error('token audience is not exactly the graph');
      if (payload.iat! > Date.now() / 1000 + CLOCK_TOLERANCE_SECONDS) throw new Error('token issued in the future');
      const claims = claimsSchema.parse(payload);
      // A region not in the tree (3399, 00) would see nothing anyway; it is refused as the mistake it is.
      if (!isDivisionAboveVillage(claims.region))
        throw new Error('token region is not a province, city, county or township of the tree');
      return { subject: claims.sub, regionCode: claims.region, roles: claims.roles };
    } catch {
      // The reason stays server-side: it would help someone forging tokens more than a user.
      throw unauthenticated(
        `The bearer token is invalid, expired or valid for longer than ${env.JWT_MAX_LIFETIME_SECONDS / 3600} h: get a new one.`,
      );
    }
  };
}

export type TokenVerifier = ReturnType<typeof createTokenVerifier>;

/** Signs a development token (HS256) for a region and roles, valid 12 h unless `expiresIn` says otherwise. */
export async function signDevToken(
  env: AuthEnv,
  claims: { subject?: string; regionCode: string; roles: readonly Role[]; expiresIn?: string },
): Promise<string> {
  if (!isDivisionAboveVillage(claims.regionCode))
    throw new Error(`Not a province, city, county or township of the division tree: ${claims.regionCode}`);
  return new SignJWT({ region: claims.regionCode, roles: [...claims.roles] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.subject ?? `dev-${claims.roles.join('+')}@${claims.regionCode}`)
    .setIssuer(env.JWT_ISSUER)
    .setAudience(env.JWT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn ?? '12h')
    .sign(secretKey(env));
}
