/** Selectors of the catapults views (docs/catapults.md): the sweep's runs, its summary, and its caption. */
import { catapultCaption } from '../../../experiments/catapultCaption';
import { catapultRunsOf, type ShownCatapultRun } from '../../../store/catapultRuns';
import type { Results } from '../../../store/results';
import type { AppState } from '../../../store/store';

// Another job's results read as these (a module constant, so a selector's value stays the same object).
const NO_RUNS: ShownCatapultRun[] = [];
let cached: { results: Results; runs: ShownCatapultRun[] } | null = null;

/** The started runs of the catapults sweep on screen: the same array while its results do not change. */
export const selectCatapultRuns = (s: AppState): ShownCatapultRun[] => {
  if (s.results.kind !== 'catapults') return NO_RUNS;
  if (cached?.results !== s.results) cached = { results: s.results, runs: catapultRunsOf(s.results) };
  return cached.runs;
};

/** The runs the plan has (0 for another job). */
export const selectCatapultPlanned = (s: AppState): number =>
  s.results.kind === 'catapults' ? s.results.job.runs.length : 0;

/**
 * The sweep's caption (experiments/catapultCaption.ts): where it is while it runs, in the present tense; each
 * run's figures and the verdict against the paper once the worker has finished every run. Null before any.
 */
export const selectCatapultCaption = (s: AppState): string | null => {
  const runs = selectCatapultRuns(s);
  if (runs.length === 0) return null;
  const planned = selectCatapultPlanned(s);
  const finished = s.status === 'finished' && runs.length === planned && runs.every((r) => r.done);
  return catapultCaption(runs, finished ? undefined : { plannedRuns: planned, steps: s.params.sgdsteps });
};
