import { z } from 'zod';

/** Settings shared by every service, parsed once from the environment. */
const sharedEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  /** Admin connection (creates roles and schemas). Unset: embedded PostgreSQL under .data/. */
  DATABASE_URL: z.string().url().optional(),
  /** Password given to the per-subgraph roles the project creates. */
  DB_ROLE_PASSWORD: z.string().min(8).default('xgz-dev-role-password'),
  /** HS256 secret for tokens; required in production unless JWKS_URL is set. */
  JWT_SECRET: z.string().min(16).optional(),
  /** JWKS endpoint for tokens signed by an identity provider (RS256/ES256). */
  JWKS_URL: z.string().url().optional(),
  JWT_ISSUER: z.string().default('xgz-dev'),
  JWT_AUDIENCE: z.string().default('xgz'),
  // Shared with Hive Gateway's logger, which reads the same variable: keep to its vocabulary.
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

export type SharedEnv = z.infer<typeof sharedEnvSchema>;

/** Development-only secret so that `pnpm start` works with no configuration. */
export const DEV_JWT_SECRET = 'xgz-development-secret-not-for-production';

/**
 * Parses the environment with the shared schema extended by `extra`, failing fast with a message
 * that names every bad variable.
 */
export function parseEnv<T extends z.ZodRawShape>(
  extra: T,
  source: NodeJS.ProcessEnv = process.env,
): SharedEnv & z.infer<z.ZodObject<T>> {
  const schema = sharedEnvSchema.extend(extra);
  const result = schema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
      .join('\n');
    throw new Error(`Invalid environment:\n${problems}`);
  }
  const env = result.data as SharedEnv & z.infer<z.ZodObject<T>>;
  if (env.NODE_ENV === 'production' && !env.JWT_SECRET && !env.JWKS_URL) {
    throw new Error('Invalid environment:\n  JWT_SECRET or JWKS_URL: one is required in production');
  }
  return env;
}

/** Reads a port variable, 0 meaning "any free port". */
export const portVariable = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
