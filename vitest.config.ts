import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// type-graphql and Apollo load graphql as CommonJS; our code as ESM. One copy, or "another realm".
const requireFromKit = createRequire(new URL('./packages/kit/package.json', import.meta.url));

export default defineConfig({
  resolve: {
    alias: [{ find: /^graphql$/, replacement: requireFromKit.resolve('graphql') }],
  },
  test: {
    include: [
      'services/*/test/**/*.test.ts',
      'packages/*/test/**/*.test.ts',
      'scripts/test/**/*.test.ts',
      'test/**/*.test.ts',
    ],
    globalSetup: ['./test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each file gets its own database, so files run in parallel (one fork per core).
    pool: 'forks',
    env: { NODE_ENV: 'test', LOG_LEVEL: 'error' },
  },
});
