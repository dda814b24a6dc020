import path from 'node:path';
import { z } from 'zod';
import { developmentSecret, TEST_PROCESS_FEED_SECRET, TEST_PROCESS_SECRET } from './dev-secret.js';
import { queryLimitSettings } from './query-limits.js';
import { timeoutSettings } from './timeouts.js';

/** The repository's git-ignored data folder: embedded PostgreSQL data, the development token secret. */
const DEFAULT_DATA_DIR = path.resolve(import.meta.dirname, '../../../.data');

/** Settings shared by every service, parsed once from the environment. */
const sharedEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  /** Local state: embedded PostgreSQL under postgres/, the development token secret. */
  DATA_DIR: z.string().min(1).default(DEFAULT_DATA_DIR),
  /** Admin connection (creates roles and schemas). Unset: embedded PostgreSQL under DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  /** Password given to the per-subgraph roles the project creates. */
  DB_ROLE_PASSWORD: z.string().min(8).default('xgz-dev-role-password'),
  /** HS256 secret for tokens; required in production unless JWKS_URL is set; random per installation in development. */
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** JWKS endpoint for tokens signed by an identity provider (RS256/ES256). */
  JWKS_URL: z.string().url().optional(),
  JWT_ISSUER: z.string().default('xgz-dev'),
  JWT_AUDIENCE: z.string().default('xgz'),
  /** The longest a token may live (exp − iat), in seconds; longer ones are refused. */
  JWT_MAX_LIFETIME_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(12 * 60 * 60),
  /** HS256 secret subgraphs sign fact-feed requests with (service credentials); required in production. */
  FEED_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** How often a caught-up consumer asks its owner's fact feed for changes, in ms. */
  FEED_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(200),
  /** Records per fact-feed page (one transaction each on the consumer). */
  FEED_PAGE_SIZE: z.coerce.number().int().min(1).max(2_000).default(500),
  // Shared with Hive Gateway's logger, which reads the same variable: keep to its vocabulary.
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  ...queryLimitSettings,
  ...timeoutSettings,
});

export type SharedEnv = z.infer<typeof sharedEnvSchema>;

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
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new Error(`Invalid environment:\n${problems}`);
  }
  const env = result.data as SharedEnv & z.infer<z.ZodObject<T>>;
  if (!env.JWT_SECRET && !env.JWKS_URL) {
    if (env.NODE_ENV === 'production')
      throw new Error('Invalid environment:\n  JWT_SECRET or JWKS_URL: one is required in production');
    env.JWT_SECRET = env.NODE_ENV === 'test' ? TEST_PROCESS_SECRET : developmentSecret(env.DATA_DIR);
  }
  if (!env.FEED_SECRET) {
    if (env.NODE_ENV === 'production')
      throw new Error(
        'Invalid environment:\n  FEED_SECRET: required in production (subgraphs sign fact-feed requests with it)',
      );
    // A secret of its own: whoever can mint a user token cannot mint a feed token.
    env.FEED_SECRET =
      env.NODE_ENV === 'test' ? TEST_PROCESS_FEED_SECRET : developmentSecret(env.DATA_DIR, 'feed-secret');
  }
  if (env.FEED_SECRET === env.JWT_SECRET)
    throw new Error(
      'Invalid environment:\n  FEED_SECRET: must differ from JWT_SECRET (a user token must never open the fact feed)',
    );
  return env;
}

/**
 * Parses only the given settings (a module's own, e.g. import limits), failing fast with a message
 * naming every bad variable.
 */
export function parseSettings<T extends z.ZodRawShape>(
  shape: T,
  source: NodeJS.ProcessEnv = process.env,
): z.infer<z.ZodObject<T>> {
  const result = z.object(shape).safeParse(source);
  if (!result.success) {
    throw new Error(
      `Invalid environment:\n${result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n')}`,
    );
  }
  return result.data;
}

/** Reads a port variable, 0 meaning "any free port". */
export const portVariable = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
