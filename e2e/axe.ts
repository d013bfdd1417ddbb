/**
 * axe-core on the app's page, run in the page itself: the source is injected once and `axe.run` returns only
 * violations. @axe-core/playwright's AxeBuilder opens a second page for every analysis (to combine frames'
 * partial results) and returns every passing node too: 2.4-2.7 s a scan on the iris preset against 0.8 s here,
 * same rules, same violations. The app's pages have no frames; a page with one is refused, not half-checked.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, type Page } from '@playwright/test';
import type { PresetName } from '../src/params/schema';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface Violation {
  id: string;
  impact: string | null;
  targets: string[];
}

/** axe's serious and critical WCAG 2.1 A/AA violations on the page as it is now, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  if (page.frames().length > 1) throw new Error('seriousViolations checks one document; this page has frames');
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags): Promise<Violation[]> => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } })
      .axe;
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  }, TAGS);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.targets.join(', ')}`);
}

interface AxeResults {
  violations: { id: string; impact?: string | null; nodes: { target: string[] }[] }[];
}

/**
 * Scans the page as it is now and expects no serious or critical violations; `where` names the page in the
 * log (a preset's name for the presets e2e/a11y.spec.ts leaves to their own tests).
 */
export async function expectNoSeriousViolations(page: Page, where: string): Promise<void> {
  const violations = await seriousViolations(page);
  console.log(`axe ${where}: ${violations.length} serious/critical`);
  expect(violations).toEqual([]);
}

/**
 * Presets whose own end-to-end test scans its finished page (expectNoSeriousViolations(page, '<preset>') in
 * e2e/<spec>.spec.ts) instead of a page of their own in e2e/a11y.spec.ts: a page load and a replay less each;
 * e2e/axeHelper.spec.ts checks that each of those specs does.
 */
export const SCANNED_IN_THEIR_OWN_TESTS = {
  iris: 'tabular',
  boston: 'presets',
  lowrank: 'presets',
  scaling: 'scaling',
  convrfm: 'convrfm',
  catapults: 'catapults',
  'nfa-tabular': 'nfa',
  'neural-collapse': 'deeprfm',
  'matrix-completion': 'linrfm',
  'sparse-recovery': 'sparseRecovery',
  interpolation: 'predictor',
} as const satisfies Partial<Record<PresetName, string>>;
