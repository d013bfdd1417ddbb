/**
 * The slowest tests of a `npm test` run, read from the JSON reports that scripts/test-all.mjs has the two
 * runners write (Vitest: test-results/unit.json, Playwright: test-results/e2e.json). Printed at the end of
 * the run so that a test that grows slow is seen where the whole suite's time is judged.
 */
import { existsSync, readFileSync } from 'node:fs';

/** Vitest's JSON report: every assertion result with its duration in ms. */
export function vitestDurations(report) {
  return (report.testResults ?? []).flatMap((file) =>
    (file.assertionResults ?? []).map((test) => ({
      name: `unit  ${relative(file.name)} > ${test.fullName ?? test.title}`,
      ms: test.duration ?? 0,
    })),
  );
}

/** Playwright's JSON report: suites nest; each test's results carry a duration in ms (retries summed). */
export function playwrightDurations(report) {
  const out = [];
  const visit = (suite, path) => {
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests ?? [])
        out.push({
          name: `e2e   ${[...path, spec.title].join(' > ')}`,
          ms: (test.results ?? []).reduce((sum, r) => sum + (r.duration ?? 0), 0),
        });
    for (const child of suite.suites ?? []) visit(child, [...path, child.title]);
  };
  for (const suite of report.suites ?? []) visit(suite, [suite.title]);
  return out;
}

export function slowest(durations, count = 10) {
  return [...durations].sort((a, b) => b.ms - a.ms).slice(0, count);
}

function relative(path) {
  const cwd = `${process.cwd()}/`;
  return typeof path === 'string' && path.startsWith(cwd) ? path.slice(cwd.length) : path;
}

function readReport(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
}

/** Lines to print: the `count` slowest tests of both reports, or nothing if neither exists. */
export function slowestLines(unitPath, e2ePath, count = 10) {
  const unit = readReport(unitPath);
  const e2e = readReport(e2ePath);
  const durations = [...(unit ? vitestDurations(unit) : []), ...(e2e ? playwrightDurations(e2e) : [])];
  if (durations.length === 0) return [];
  return [
    `The ${Math.min(count, durations.length)} slowest tests:`,
    ...slowest(durations, count).map((t) => `  ${(t.ms / 1000).toFixed(1).padStart(6)} s  ${t.name}`),
  ];
}
