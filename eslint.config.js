import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import importPlugin from 'eslint-plugin-import';
import globals from 'globals';

/**
 * Lint, including the import direction of the architecture (STYLE.md): core/ runs in the worker and in
 * Node, so it imports nothing from the UI side; params/ imports nothing; protocol/ only types from core.
 */
const zone = (target, from, message) => ({ target, from, message });
const UI = ['./src/components', './src/store', './src/viz', './src/engine'];

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'dist-*/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'bench-results/',
      '.scratch/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, import: importPlugin },
    settings: { 'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs'] } } },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            zone(
              './src/core',
              [...UI, './src/worker', './src/data', './src/params', './src/protocol', './src/cli'],
              'core/ is the engine: it must not import app, store, worker or UI code',
            ),
            zone(
              './src/params',
              [...UI, './src/core', './src/worker', './src/data', './src/protocol', './src/cli'],
              'params/ is the schema: it imports nothing',
            ),
            zone(
              './src/data',
              ['./src/components', './src/store', './src/viz', './src/worker', './src/engine'],
              'data/ must run in the worker and in Node',
            ),
            zone(
              './src/worker',
              ['./src/components', './src/store', './src/viz', './src/engine'],
              'the worker must not import UI code',
            ),
            zone(
              './src/viz',
              ['./src/components', './src/store', './src/worker', './src/engine', './src/core'],
              'viz/ draws plain data',
            ),
            zone(
              './src/cli',
              ['./src/components', './src/store', './src/viz', './src/worker', './src/engine'],
              'the CLI runs in Node',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Playwright page functions run in the browser.
    files: ['scripts/screenshot.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // The host scripts shipped as they are (embed.js, rfm-explorer.js) run in other people's pages.
    files: ['public/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
