#!/usr/bin/env node
/**
 * Runs every check in order (typecheck, lint, format, unit tests, build, end-to-end tests), then prints one
 * closing line "N passed, N failed" that totals the unit and e2e tests. Exits non-zero if anything failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { findBrowser } from './findBrowser.mjs';
import { slowestLines } from './slowestTests.mjs';

mkdirSync('test-results', { recursive: true });
const failures = [];
let passed = 0;
let failed = 0;

function step(name, command, args, env = {}) {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(
    `=== ${name}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  if (result.status !== 0) failures.push(name);
  return result.status === 0;
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

step('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
step('lint', 'npx', ['eslint', '.', '--max-warnings', '0']);
step('format', 'npx', ['prettier', '--check', '.']);
const unitOk = step('unit tests', 'node', [
  '--import',
  './scripts/node-polyfills.mjs',
  'node_modules/vitest/vitest.mjs',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=test-results/unit.json',
]);
if (!countVitest('test-results/unit.json') && !unitOk) failed += 1;

if (step('build', 'npx', ['vite', 'build'])) {
  let browser = null;
  try {
    browser = await findBrowser();
  } catch (error) {
    console.error(`\ne2e: ${error.message}`);
    failures.push('e2e (no browser)');
    failed += 1;
  }
  if (browser) {
    const e2eOk = step('e2e tests', 'npx', ['playwright', 'test'], {
      CHROMIUM_PATH: browser,
      CI: process.env.CI ?? '1',
    });
    if (!countPlaywright('test-results/e2e.json') && !e2eOk) failed += 1;
  }
}

const slow = slowestLines('test-results/unit.json', 'test-results/e2e.json');
if (slow.length > 0) console.log(`\n${slow.join('\n')}`);
console.log(failures.length ? `\nFailed steps: ${failures.join(', ')}` : '\nAll steps passed.');
console.log(`${passed} passed, ${failed} failed`);
process.exit(failures.length || failed ? 1 : 0);
