// ESLint 9 flat config. Syntax-level typescript-eslint rules only (no type information): the compiler
// already checks types in `npm run typecheck`, and this keeps `eslint .` to a few seconds.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** Node's globals for plain .js/.mjs files (scripts, this config); TypeScript files get them from @types/node. */
const NODE_GLOBALS = Object.fromEntries(
  [
    'process', 'console', 'URL', 'URLSearchParams', 'Buffer', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval',
    'setImmediate', 'queueMicrotask', 'structuredClone', 'TextDecoder', 'TextEncoder', 'crypto', 'performance', 'fetch',
    'AbortController', 'Blob', 'Headers', 'Request', 'Response',
  ].map((name) => [name, 'readonly']),
);

/** Imports that would give the pure core I/O, a runtime, a database or a UI (CONVENTIONS habit 1). */
const CORE_FORBIDDEN = {
  paths: [
    ...['fs', 'path', 'os', 'crypto', 'child_process', 'pg', 'hono', 'kysely', 'react', 'zod'].map((name) => ({
      name,
      message: 'packages/core is pure: no I/O, database, HTTP, UI or validation library imports.',
    })),
  ],
  patterns: [
    {
      group: ['node:*', 'fs/*', 'path/*', 'pg/*', 'pg-*', '@electric-sql/*', 'hono/*', '@hono/*', 'kysely/*', 'react/*', 'react-dom', 'react-dom/*', 'zod/*'],
      message: 'packages/core is pure: no I/O, database, HTTP, UI or validation library imports.',
    },
  ],
};

export default defineConfig(
  {
    // *.tmp.* are local scratch files (e.g. timing experiments), never part of the product.
    ignores: ['**/dist/**', '**/node_modules/**', '**/*.tsbuildinfo', '**/coverage/**', '.handoff/**', '.handoff-demo/**', '**/*.tmp.*'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: NODE_GLOBALS },
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-unused-vars': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { args: 'after-used', argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['packages/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', CORE_FORBIDDEN] },
  },
);
