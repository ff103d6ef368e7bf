// Lint: typescript-eslint's recommended rules, React hooks rules, Prettier for layout, and the
// layering rules of ../shared/ARCHITECTURE.md: renderer -> shared <- electron, and electron/library
// never imports 'electron' (so it runs and is tested in plain Node).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const electronImport = {
  name: 'electron',
  message: 'Only electron/main.ts, preload.ts and host/ may import electron.',
};

export default tseslint.config(
  {
    ignores: ['node_modules/', 'out/', 'dist/', 'test/fixtures/', 'electron/sample-site/', 'test/security/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', __dirname: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            electronImport,
            ...nodeBuiltins.map((name) => ({
              name,
              message: 'The renderer runs in a browser: no Node built-ins.',
            })),
          ],
          patterns: [
            {
              group: ['**/electron/**', '**/electron'],
              message: 'The renderer reaches the main process only through shared/api.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            electronImport,
            ...nodeBuiltins.map((name) => ({
              name,
              message: 'shared/ is pure: it runs in the renderer too.',
            })),
          ],
          patterns: [
            {
              group: ['**/electron/**', '**/renderer/**', 'gray-matter'],
              message: 'shared/ imports nothing from electron/ or renderer/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/library/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'electron/library is plain Node: it never imports electron.' },
          ],
          patterns: [
            {
              group: ['**/renderer/**', '../host/**', '../main', '../preload'],
              message: 'The library knows no transport and no UI.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.config.{ts,mts,mjs}', 'eslint.config.mjs', 'test/playwright.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['build/**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', exports: 'writable', module: 'writable' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
