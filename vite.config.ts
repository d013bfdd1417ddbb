import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { availableParallelism } from 'node:os';

/**
 * Cross-origin isolation lets the wasm backend use threads (SharedArrayBuffer).
 * Static hosts that cannot set these headers still work: tfjs falls back to single-threaded SIMD.
 */
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  base: './',
  plugins: [react()],
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  // The worker bundles tfjs-backend-wasm, whose threads start from `factory.toString()` of the Emscripten
  // module: the pthread runs that text on its own, so every name it uses from outside the function must
  // keep its name. The only one is `_scriptDir` (declared around the factory); plain mangling renamed it
  // ("e is not defined" in every pthread). Reserving it lets the rest of the worker be minified.
  worker: {
    format: 'es',
    rolldownOptions: { output: { minify: { compress: false, mangle: { reserved: ['_scriptDir'] }, codegen: true } } },
  },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
    // Minified (oxc) for a small first download; the worker has its own setting above.
    minify: 'oxc',
    // The app and the benchmark page (npm run bench); `rolldownOptions` is Vite 8's name for `rollupOptions`.
    rolldownOptions: { input: { main: 'index.html', bench: 'src/bench/index.html' } },
  },
  test: {
    // A guard against a hang, not a time limit: on a 2-core machine beside a CPU-heavy process a CLI preset test
    // took 138 s.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // Test files share their worker's module cache instead of importing tfjs, React and the store afresh each:
    // the unit tests took 242 CPU-seconds with every file isolated, 165 with the numeric folders' files
    // sharing, and the app's 48 files (store, worker client, components) 29 alone against 6.3 now that they
    // share too. A file that needs the store as it starts takes useAppStore.getInitialState(), not the state
    // that the files before it left.
    include: ['src/**/*.test.ts'],
    isolate: false,
    // Vitest's default is one worker fewer than the cores: one worker on the 2-core CI machine, where the unit
    // tests took 202 s alone; two workers take 128 s (the tests are single-threaded and mostly CPU-bound).
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
