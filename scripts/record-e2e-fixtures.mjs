#!/usr/bin/env node
/**
 * Records the replay fixtures of the e2e tests that replay worker events (e2e/replay.ts): builds the app,
 * then runs those specs with E2E_RECORD=1, so they train for real and each passing test writes
 * e2e/fixtures/<spec>/<test>.json. Fixtures change only on purpose (after a change to the protocol, to
 * what a run reports, or to a replayed test's runs), in a reviewed diff.
 *
 *   npm run fixtures:e2e                          every spec that calls replayed()
 *   npm run fixtures:e2e -- e2e/demo.spec.ts      one spec
 *   npm run fixtures:e2e -- e2e/demo.spec.ts --grep scrubber   some of its tests
 *
 * E2E_DIST names a build to use instead of building dist/; E2E_PORT as for the e2e tests.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { findBrowser } from './findBrowser.mjs';

const asked = process.argv.slice(2).filter((arg) => arg.endsWith('.spec.ts'));
/** Other arguments go to Playwright (e.g. --grep to record some tests of a spec). */
const extra = process.argv.slice(2).filter((arg) => !arg.endsWith('.spec.ts'));
const specs = (
  asked.length > 0
    ? asked
    : readdirSync('e2e')
        .filter((f) => f.endsWith('.spec.ts'))
        .map((f) => join('e2e', f))
).filter((spec) => /\breplayed\(test/.test(readFileSync(spec, 'utf8')));
if (specs.length === 0) {
  console.error('record-e2e-fixtures: no spec among these calls replayed(test)');
  process.exit(1);
}

const outDir = process.env.E2E_DIST ?? 'dist';
if (!process.env.E2E_DIST || !existsSync(outDir)) {
  const build = spawnSync('npx', ['vite', 'build', '--outDir', outDir], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const started = Date.now();
const result = spawnSync('npx', ['playwright', 'test', ...specs, ...extra, '--workers=1', '--reporter=list'], {
  stdio: 'inherit',
  env: { ...process.env, E2E_RECORD: '1', E2E_DIST: outDir, CHROMIUM_PATH: await findBrowser(), CI: '1' },
});
// After a whole spec passed, the fixtures it did not write (of renamed or removed tests) are removed.
if (result.status === 0 && extra.length === 0)
  for (const spec of specs) {
    const folder = join('e2e', 'fixtures', basename(spec, '.spec.ts'));
    for (const file of existsSync(folder) ? readdirSync(folder) : [])
      if (statSync(join(folder, file)).mtimeMs < started) rmSync(join(folder, file));
  }
console.log(
  result.status === 0
    ? `Recorded the fixtures of ${specs.length} spec(s) in e2e/fixtures/: review the diff before committing.`
    : 'Some tests failed while recording: their fixtures were not written.',
);
process.exit(result.status ?? 1);
