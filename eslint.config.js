// @ts-check
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';
import { folderCyclesPlugin } from './eslint/folder-cycles.js';

const subgraphs = ['registry', 'organizations', 'markets', 'assessments'];

/** What a subgraph's code may not import: another subgraph or the test kit (it shares through the kit and the feed). */
const subgraphBoundaries = subgraphs.map((name) => ({
  files: [`services/${name}/src/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: [
              ...subgraphs.filter((other) => other !== name).map((other) => `@xgz/${other}`),
              '@xgz/testkit',
              '**/services/**',
              '**/packages/**',
              '**/gateway/**',
              '**/scripts/**',
            ],
            message: 'A subgraph imports its own folder and the kit, never another subgraph or the test kit.',
          },
        ],
      },
    ],
  },
}));

/** The kit knows no subgraph, no script, no gateway and no test. */
const kitBoundary = {
  files: ['packages/kit/src/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: [
              ...subgraphs.map((name) => `@xgz/${name}`),
              '@xgz/testkit',
              '**/services/**',
              '**/gateway/**',
              '**/scripts/**',
              '**/test/**',
            ],
            message: 'The kit knows no subgraph, no script, no gateway and no test.',
          },
        ],
      },
    ],
  },
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '.pnpm-store/**', '.toolchain/**', '.cache/**', 'schema/**', '**/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { 'import-x': importX, folders: folderCyclesPlugin },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })] },
    rules: {
      // Modules of one subgraph (and the kit's folders) never import each other in a circle.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // …nor do their folders: a subgraph's modules, the kit's features.
      'folders/no-folder-cycle': ['error', { roots: ['^.*/services/[^/]+/src/modules/', '^.*/packages/kit/src/'] }],
      // type-graphql takes classes as `Function`; so do the kit's module declarations.
      '@typescript-eslint/no-unsafe-function-type': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  ...subgraphBoundaries,
  kitBoundary,
  {
    // GraphQL answers in tests, benchmarks and scripts are read as untyped JSON; the kits hold lists of
    // definitions of different states (MikroORM schemas, fact definitions), typed with existential `any`.
    files: ['test/**/*.ts', '**/test/**/*.ts', 'scripts/**/*.ts', 'packages/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
