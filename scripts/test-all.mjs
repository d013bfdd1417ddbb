#!/usr/bin/env node
/**
 * Runs every check (typecheck, lint, format, unit tests, build, end-to-end tests), then prints the ten
 * slowest tests and one closing line "N passed, N failed" that totals the unit and e2e tests. Exits non-zero
 * if anything failed.
 *
 * Only the e2e tests depend on another step (the build), so everything runs side by side on the CI machine's
 * two cores: the e2e tests start when the build is done, beside the unit tests, typecheck, lint and format,
 * and no core waits while another step still has work (612 s for the whole suite in a fresh clone against
 * 928-977 s with the e2e tests after the rest, on the 2-core machine). Each step's output is printed whole when it
 * ends (the e2e tests' live).
 * RFM_TEST_SERIAL=1 runs the steps one after another instead.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { findBrowser, findHeadlessShell } from './findBrowser.mjs';
import { slowestLines } from './slowestTests.mjs';

mkdirSync('test-results', { recursive: true });
// The tests that run exported Python scripts call numpy on small matrices, where OpenBLAS's extra threads
// only spin for the cores the other steps need (the export tests alone: ~10% less CPU with one thread).
process.env.OPENBLAS_NUM_THREADS ??= '1';
const failures = [];
let passed = 0;
let failed = 0;
const suiteStarted = Date.now();
const seconds = (since) => ((Date.now() - since) / 1000).toFixed(1);

/** Runs one check; its output is printed when it ends (live when `live`), so side-by-side logs stay readable. */
function step(name, command, args, { env = {}, live = false } = {}) {
  const started = Date.now();
  if (live) console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      stdio: live ? 'inherit' : ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    const output = [];
    child.stdout?.on('data', (chunk) => output.push(chunk));
    child.stderr?.on('data', (chunk) => output.push(chunk));
    child.on('close', (status) => {
      if (!live) process.stdout.write(`\n=== ${name}: ${command} ${args.join(' ')}\n${Buffer.concat(output)}`);
      console.log(`=== ${name}: ${status === 0 ? 'ok' : 'FAILED'} in ${seconds(started)} s`);
      if (status !== 0) failures.push(name);
      resolve(status === 0);
    });
  });
}

function countVitest(path) {
  if (!existsSync(path)) return false;
  const report = JSON.parse(readFileSync(path, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0);
  return true;
}

function countPlaywright(path) {
  if (!existsSync(path)) return false;
  const { stats } = JSON.parse(readFileSync(path, 'utf8'));
  passed += (stats?.expected ?? 0) + (stats?.flaky ?? 0);
  failed += stats?.unexpected ?? 0;
  return true;
}

const checks = [
  () => step('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']),
  () => step('lint', 'npx', ['eslint', '.', '--max-warnings', '0']),
  () => step('format', 'npx', ['prettier', '--check', '.']),
  () =>
    step('unit tests', 'node', [
      '--import',
      './scripts/node-polyfills.mjs',
      'node_modules/vitest/vitest.mjs',
      'run',
      '--reporter=default',
      '--reporter=json',
      '--outputFile.json=test-results/unit.json',
    ]).then((ok) => {
      if (!countVitest('test-results/unit.json') && !ok) failed += 1;
      return ok;
    }),
];

/** The e2e tests on the build, with the Chromium findBrowser finds. */
async function e2e() {
  let browser = null;
  try {
    browser = await findBrowser();
  } catch (error) {
    console.error(`\ne2e: ${error.message}`);
    failures.push('e2e (no browser)');
    failed += 1;
    return false;
  }
  console.log(`\ne2e: tests in ${findHeadlessShell() ?? browser}, embedSites.spec.ts in ${browser}`);
  const ok = await step('e2e tests', 'npx', ['playwright', 'test'], {
    env: { CHROMIUM_PATH: browser, CI: process.env.CI ?? '1' },
    live: true,
  });
  if (!countPlaywright('test-results/e2e.json') && !ok) failed += 1;
  return ok;
}

const build = () => step('build', 'npx', ['vite', 'build']);
if (process.env.RFM_TEST_SERIAL === '1') {
  for (const check of checks) await check();
  if (await build()) await e2e();
} else {
  await Promise.all([...checks.map((check) => check()), build().then((ok) => ok && e2e())]);
}

const slow = slowestLines('test-results/unit.json', 'test-results/e2e.json');
if (slow.length > 0) console.log(`\n${slow.join('\n')}`);
console.log(failures.length ? `\nFailed steps: ${failures.join(', ')}` : '\nAll steps passed.');
console.log(`The suite took ${seconds(suiteStarted)} s.`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failures.length || failed ? 1 : 0);
