import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import importPlugin from 'eslint-plugin-import';
import globals from 'globals';

/**
 * Lint, including the import direction of the layers (docs/architecture.md): a layer imports only the
 * layers above it in this list, so an import that runs back up fails. core/ runs in the worker and in
 * Node; params/ imports nothing; protocol/ only core and params types.
 */
const zone = (target, from, message) => ({ target, from, message });
const LAYERS = [
  'params',
  'core',
  'protocol',
  'data',
  'experiments',
  'jobs',
  'worker',
  'store',
  'engine',
  'export',
  'viz',
  'components',
  'cli',
];
/** Why each layer keeps to the layers above it. */
const WHY = {
  params: 'is the schema: it imports nothing',
  core: 'is the engine: it runs in the worker and in Node and imports only the schema',
  protocol: 'is the wire: it holds types over core and params only',
  data: 'must run in the worker and in Node',
  experiments: 'maps parameters to the engine: no jobs, worker, store or UI',
  jobs: 'decides the kind of a run: no worker, store or UI',
  worker: 'must not import the page',
  store: 'holds state: no engine, exports or views',
  engine: 'drives the worker from the page: no exports or views',
  export: 'writes results: no views',
  viz: 'draws plain data: no views',
  components: 'must not import the command line',
  cli: 'is the last layer',
};
/** The layers below the i-th, which it must not import; the bench harness is below every layer. */
const below = (i) => [...LAYERS.slice(i + 1), 'bench'].map((layer) => `./src/${layer}`);

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
            // Each layer (docs/architecture.md) may import only the layers above it in LAYERS.
            ...LAYERS.map((layer, i) => zone(`./src/${layer}`, below(i), `${layer}/ ${WHY[layer]}`)),
            // Charts are factories over plain arrays: nothing but the schema's types.
            zone(
              './src/viz',
              LAYERS.filter((layer) => layer !== 'params' && layer !== 'viz').map((layer) => `./src/${layer}`),
              'viz/ draws plain data',
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
