import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import { DEV_JWT_SECRET, type SharedEnv } from './env.js';
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
  sub: z.string().min(1),
  region: z.string().regex(regionCodePattern, 'region must be a 2/4/6/9/12-digit division code'),
  roles: z.array(z.enum(Roles)).min(1),
});

type AuthEnv = Pick<SharedEnv, 'JWT_SECRET' | 'JWKS_URL' | 'JWT_ISSUER' | 'JWT_AUDIENCE'>;

const secretKey = (env: AuthEnv) => new TextEncoder().encode(env.JWT_SECRET ?? DEV_JWT_SECRET);

/** Builds a verifier once per process; JWKS keys are fetched and cached by jose. */
export function createTokenVerifier(env: AuthEnv) {
  const key: Uint8Array | JWTVerifyGetKey = env.JWKS_URL ? createRemoteJWKSet(new URL(env.JWKS_URL)) : secretKey(env);
  return async function verify(authorization: string | null | undefined): Promise<Viewer> {
    const token = /^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1];
    if (!token) throw unauthenticated();
    try {
      const { payload } = await jwtVerify(token, key as Uint8Array, {
        issuer: env.JWT_ISSUER,
        audience: env.JWT_AUDIENCE,
      });
      const claims = claimsSchema.parse(payload);
      return { subject: claims.sub, regionCode: claims.region, roles: claims.roles };
    } catch {
      // The reason stays server-side: it would help someone forging tokens more than a user.
      throw unauthenticated('The bearer token is invalid or expired: get a new one.');
    }
  };
}

export type TokenVerifier = ReturnType<typeof createTokenVerifier>;

/** Signs a development token (HS256) for a region and roles. */
export async function signDevToken(
  env: AuthEnv,
  claims: { subject?: string; regionCode: string; roles: readonly Role[]; expiresIn?: string },
): Promise<string> {
  if (!isRegionCode(claims.regionCode)) throw new Error(`Not a region code: ${claims.regionCode}`);
  return new SignJWT({ region: claims.regionCode, roles: [...claims.roles] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.subject ?? `dev-${claims.roles.join('+')}@${claims.regionCode}`)
    .setIssuer(env.JWT_ISSUER)
    .setAudience(env.JWT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn ?? '12h')
    .sign(secretKey(env));
}
