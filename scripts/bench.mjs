#!/usr/bin/env node
/**
 * `npm run bench`: times the RFM engine on the fixed cases of src/bench/cases.ts in headless Chromium (the
 * bench page src/bench/index.html, wasm and webgpu backends), in Node (tsx; wasm and cpu) and in the numpy
 * reference scripts/bench_native.py on the very same float32 data. Prints the median per-iteration time,
 * its split by phase and the ratio to native; writes bench-results/bench.json and bench-results/bench.md.
 *
 *   npm run bench -- --cases A,B --backends wasm,node-wasm --repeats 3
 *   npm run bench -- --quick                 (small cases: a smoke run)
 *   npm run bench -- --help
 *
 * The runner itself is TypeScript (src/bench/runner/), loaded here through tsx.
 */
import { tsImport } from 'tsx/esm/api';
import { findBrowser } from './findBrowser.mjs';

// One import: tsImport gives every call its own module instances, and stopAll must see main's children.
const { runBench, stopAll } = await tsImport('../src/bench/runner/runBench.ts', import.meta.url);

process.on('exit', stopAll);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    console.error(`\nbench: ${signal}, stopping`);
    stopAll();
    process.exit(130);
  });
}

try {
  process.exitCode = await runBench(process.argv.slice(2), { findBrowser });
} catch (error) {
  console.error(`bench: ${error instanceof Error ? error.message : error}`);
  stopAll();
  process.exitCode = 1;
}
// Playwright and stray handles must not keep the process alive.
process.exit(process.exitCode);
