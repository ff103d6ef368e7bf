// Lint: typescript-eslint's recommended rules, React hooks rules, Prettier for layout, and the
// layering allow-list of ARCHITECTURE.md ("Layers"), kept in build/layers.mjs and checked by the
// local rule `postdesk/layers` (build/eslint-layering.mjs) on static, dynamic and require imports.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { layeringPlugin } from './build/eslint-layering.mjs';
import { ignoredErrorsPlugin } from './build/eslint-ignored-errors.mjs';

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
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['**/*.{ts,tsx,mts,cts,mjs,cjs}'],
    plugins: { postdesk: layeringPlugin },
    rules: { 'postdesk/layers': 'error' },
  },
  {
    // An error dropped in the main process is reported to the diagnostics log or says why it may be
    // dropped (build/eslint-ignored-errors.mjs); `no-empty` (recommended) already refuses a bare `catch {}`.
    files: ['electron/**/*.ts'],
    plugins: { errors: ignoredErrorsPlugin },
    rules: { 'errors/ignored-errors': 'error', 'no-empty': ['error', { allowEmptyCatch: false }] },
  },
  {
    // Type-aware rules: a promise is awaited, returned or marked `void` on purpose, and never handed
    // where a plain value is expected (an async function as an event handler whose result is dropped).
    files: ['electron/**/*.ts', 'shared/**/*.ts', 'renderer/**/*.{ts,tsx}', 'test/**/*.ts'],
    ignores: ['test/fixtures/**', 'test/security/**'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
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
