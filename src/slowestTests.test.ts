/** The "slowest tests" lines that `npm test` prints at its end (scripts/slowestTests.mjs). */
import { describe, expect, it } from 'vitest';
import { playwrightDurations, slowest, vitestDurations } from '../scripts/slowestTests.mjs';

const vitestReport = {
  testResults: [
    {
      name: `${process.cwd()}/src/a.test.ts`,
      assertionResults: [
        { fullName: 'a fast one', duration: 5 },
        { fullName: 'a slow one', duration: 9000 },
      ],
    },
  ],
};

const playwrightReport = {
  suites: [
    {
      title: 'demo.spec.ts',
      specs: [{ title: 'trains', tests: [{ results: [{ duration: 4000 }, { duration: 2000 }] }] }],
      suites: [{ title: 'nested', specs: [{ title: 'inner', tests: [{ results: [{ duration: 100 }] }] }] }],
    },
  ],
};

describe('the slowest tests', () => {
  it('reads Vitest durations with the file relative to the repository', () => {
    expect(vitestDurations(vitestReport)).toEqual([
      { name: 'unit  src/a.test.ts > a fast one', ms: 5 },
      { name: 'unit  src/a.test.ts > a slow one', ms: 9000 },
    ]);
  });

  it('reads Playwright durations through nested suites, retries summed', () => {
    expect(playwrightDurations(playwrightReport)).toEqual([
      { name: 'e2e   demo.spec.ts > trains', ms: 6000 },
      { name: 'e2e   demo.spec.ts > nested > inner', ms: 100 },
    ]);
  });

  it('orders both runners together, slowest first, and keeps the count asked for', () => {
    const all = [...vitestDurations(vitestReport), ...playwrightDurations(playwrightReport)];
    expect(slowest(all, 2).map((t) => t.ms)).toEqual([9000, 6000]);
  });
});
