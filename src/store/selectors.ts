/** Small selectors: each returns one value derived from the state, never stored twice. */
import type { IterationRecord } from '../core';
import { sourceOf } from '../data/sources/descriptors';
import type { LinRfmRecord, LinRfmSummary } from '../experiments/linrfmExperiment';
import { jobFromParams, jobKindOf, type Job, type JobKind } from '../jobs/job';
import { jobTraits } from '../jobs/jobTraits';
import type { SweepPoint } from '../protocol/messages';
import { completedUnits, hasIterationRecords, isLinRfmResults } from './results';
import type { AppState } from './store';
import { remainingRunMs } from './remainingTime';
import { selectTreeRemainingMs, treeFraction, treePosition } from './treeSelectors';

export const selectParams = (s: AppState) => s.params;
export const selectStatus = (s: AppState) => s.status;

/** The job whose results are on screen (jobs/job.ts). */
export const selectJob = (s: AppState): Job => s.results.job;

// The results of another kind read as these (module constants, so a selector's value stays the same object).
const NO_RECORDS: IterationRecord[] = [];
const NO_POINTS: SweepPoint[] = [];
const NO_LINRFM: LinRfmRecord[] = [];

/** The RFM iteration records of the job on screen (none for a sweep or lin-RFM). */
export const selectRecords = (s: AppState): IterationRecord[] =>
  hasIterationRecords(s.results) ? s.results.records : NO_RECORDS;
/** The points of the sweep on screen (none for another job). */
export const selectSweepPoints = (s: AppState): SweepPoint[] =>
  s.results.kind === 'sweep' ? s.results.points : NO_POINTS;
/** The lin-RFM records of the job on screen (none for another job). */
export const selectLinRfmRecords = (s: AppState): LinRfmRecord[] =>
  isLinRfmResults(s.results) ? s.results.records : NO_LINRFM;
/** The lin-RFM problem on screen, once the worker has built it. */
export const selectLinRfmSummary = (s: AppState): LinRfmSummary | null =>
  isLinRfmResults(s.results) ? s.results.summary : null;

export const selectLatestRecord = (s: AppState): IterationRecord | null => selectRecords(s).at(-1) ?? null;

/** The record the heatmap shows: the scrubbed one, or the latest. */
export const selectShownRecord = (s: AppState): IterationRecord | null => {
  const records = selectRecords(s);
  return s.selectedIteration === null
    ? (records.at(-1) ?? null)
    : (records[s.selectedIteration] ?? records.at(-1) ?? null);
};

/** The run's state as pages and tests see it (`data-run-state` on the app root and on `<rfm-explorer>`). */
export type RunState = 'idle' | 'running' | 'paused' | 'finished' | 'failed';
const RUN_STATE: Record<AppState['status'], RunState> = {
  idle: 'idle',
  starting: 'running',
  running: 'running',
  paused: 'paused',
  finished: 'finished',
  failed: 'failed',
  // A cancelled run left nothing to show: the next one has not started yet.
  cancelled: 'idle',
};
export const selectRunState = (s: AppState): RunState => RUN_STATE[s.status];

export const selectIsBusy = (s: AppState) => s.status === 'running' || s.status === 'starting';

/** Overall progress of the run in [0, 1], counting phases within the current iteration. */
export const selectRunFraction = (s: AppState): number => {
  if (s.plannedRecords === 0) return 0;
  if (s.status === 'finished') return 1;
  const phaseOrder = ['agop', 'kernel', 'solve', 'predict', 'spectrum'] as const;
  const p = s.progress;
  const within = p ? (phaseOrder.indexOf(p.phase) + p.fraction) / phaseOrder.length : 0;
  const r = s.results;
  switch (r.kind) {
    case 'sweep': {
      // Within a point, its run's iterations (approximate when the sweep is over the iterations themselves).
      const inPoint = p ? Math.min(1, (p.iteration + within) / (s.params.iters + 1)) : 0;
      return Math.min(1, (r.points.length + inPoint) / s.plannedRecords);
    }
    case 'linrfm':
    case 'linrfm-phase':
      return Math.min(1, r.records.length / s.plannedRecords);
    case 'deep-rfm':
      return Math.min(1, r.layers.length / s.plannedRecords);
    case 'rfm':
    case 'rfm+nn':
      return Math.min(1, (r.records.length + (p && p.iteration >= r.records.length ? within : 0)) / s.plannedRecords);
    case 'convrfm': {
      // ConvRFM's iterations, then as many of the plain RFM's and, with a second layer, of its two runs.
      const runs = 2 + (r.summary?.deep ? 2 : 0);
      const points = Object.values(r.lines).reduce((sum, line) => sum + line.length, 0);
      const inConv = p && r.records.length < s.plannedRecords && p.iteration >= r.records.length ? within : 0;
      return Math.min(1, (r.records.length + points + inConv) / (runs * s.plannedRecords));
    }
    case 'tree':
      return treeFraction(r, s.params.iters + 1, s.plannedRecords);
    case 'catapults':
      return Math.min(1, completedUnits(r) / s.plannedRecords);
  }
};

/**
 * Where the job is, for the status line: "iteration t/T" (t the last finished iteration of a run of T updates;
 * a run makes T + 1 solves, so counting records would read "6/6" for T = 5), "point k/N" of a sweep or "cell k/N"
 * of the lin-RFM phase grid.
 */
export const selectRunPosition = (s: AppState): string | null => {
  if (s.plannedRecords === 0) return null;
  if (s.results.kind === 'tree') return treePosition(s.results, s.plannedRecords);
  const { unit } = jobTraits(s.results.job);
  // Points of a sweep, cells of the phase grid; Deep RFM's layers, the AGOP stack's then the control's (2 D in all).
  if (unit !== 'iteration')
    return `${unit} ${Math.min(completedUnits(s.results), s.plannedRecords)}/${s.plannedRecords}`;
  // lin-RFM's and ConvRFM's records are their own (iterations 0..T in order), not the kernel RFM's.
  const shown = hasIterationRecords(s.results)
    ? (s.results.records.at(-1)?.iteration ?? 0)
    : Math.max(0, completedUnits(s.results) - 1);
  return `iteration ${shown}/${s.plannedRecords - 1}`;
};

/** Completed units of the current job: iterations of a run, or points of a sweep. */
export const selectCompletedUnits = (s: AppState): number => completedUnits(s.results);

/** Whether M's diagonal is hidden: the user's choice, else hidden for modular arithmetic. */
export const selectHideDiagonal = (s: AppState): boolean => s.hideDiagonal ?? s.dataset?.layout.kind === 'modular';

/** Whether the page is dark: the theme toggle, or the system's preference when it is auto. */
export const selectDarkTheme = (s: AppState): boolean =>
  s.view.theme === 'dark' || (s.view.theme === 'auto' && s.systemDark);

/**
 * The side of M before the worker has reported a record, where the parameters alone fix it (the data
 * source says: data/sources/registry.ts), so the M panel can draw M = I at once, before tfjs has loaded.
 */
export const selectPlannedDimension = (s: AppState): number | null =>
  sourceOf(s.params.data).plannedDimension(s.params);

/** What the user must still bring before the data source can build (an uploaded CSV), or null. */
export const missingAsset = (params: AppState['params'], assets: AppState['assets']) => {
  const needed = sourceOf(params.data).needs(params);
  return needed !== null && assets[needed] === undefined ? needed : null;
};

/** Milliseconds the current run has left (see remainingTime.ts); null for sweeps and before an estimate. */
export const selectRemainingMs = (s: AppState): number | null =>
  s.results.kind === 'tree'
    ? selectTreeRemainingMs(s)
    : jobTraits(s.results.job).timed && (s.status === 'running' || s.status === 'starting')
      ? remainingRunMs(selectRecords(s), s.plannedRecords, s.progress)
      : null;

/** The kind of job the current parameters describe (jobs/job.ts): what Play would start. */
export const selectPlannedJobKind = (s: AppState): JobKind => jobKindOf(s.params, s.assets);

let plannedJob: { key: string; job: Job } | null = null;

/**
 * The job the current parameters describe, the same object while it does not change (a slider that moves
 * the bandwidth leaves it as it was), so components that pick it re-render only when the job changes.
 */
export const selectPlannedJob = (s: AppState): Job => {
  const job = jobFromParams(s.params, s.assets);
  const key = JSON.stringify(job);
  if (plannedJob?.key !== key) plannedJob = { key, job };
  return plannedJob.job;
};

/** Step does not apply: the job on screen, or the one the parameters describe, runs whole (a sweep). */
export const selectStepless = (s: AppState): boolean =>
  !jobTraits(s.results.job).steppable || !jobTraits(selectPlannedJobKind(s)).steppable;
