/** Small selectors: each returns one value derived from the state, never stored twice. */
import type { IterationRecord } from '../core';
import type { AppState } from './store';
import { remainingRunMs } from './remainingTime';

export const selectParams = (s: AppState) => s.params;
export const selectStatus = (s: AppState) => s.status;
export const selectRecords = (s: AppState) => s.records;
export const selectLatestRecord = (s: AppState): IterationRecord | null => s.records.at(-1) ?? null;

/** The record the heatmap shows: the scrubbed one, or the latest. */
export const selectShownRecord = (s: AppState): IterationRecord | null =>
  s.selectedIteration === null
    ? (s.records.at(-1) ?? null)
    : (s.records[s.selectedIteration] ?? s.records.at(-1) ?? null);

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
  if (s.jobKind === 'sweep') {
    // Within a point, its run's iterations (approximate when the sweep is over the iterations themselves).
    const inPoint = p ? Math.min(1, (p.iteration + within) / (s.params.iters + 1)) : 0;
    return Math.min(1, (s.sweepPoints.length + inPoint) / s.plannedRecords);
  }
  if (s.linrfmRecords.length > 0) return Math.min(1, s.linrfmRecords.length / s.plannedRecords);
  return Math.min(1, (s.records.length + (p && p.iteration >= s.records.length ? within : 0)) / s.plannedRecords);
};

/**
 * Where the job is, for the status line: "iteration t/T" (t the last finished iteration of a run of T updates;
 * a run makes T + 1 solves, so counting records would read "6/6" for T = 5) or "point k/N" of a sweep.
 */
export const selectRunPosition = (s: AppState): string | null => {
  if (s.plannedRecords === 0) return null;
  if (s.jobKind === 'sweep') return `point ${Math.min(s.sweepPoints.length, s.plannedRecords)}/${s.plannedRecords}`;
  return `iteration ${s.records.at(-1)?.iteration ?? 0}/${s.plannedRecords - 1}`;
};

/** Completed units of the current job: iterations of a run, or points of a sweep. */
export const selectCompletedUnits = (s: AppState): number =>
  s.jobKind === 'sweep' ? s.sweepPoints.length : s.records.length + s.linrfmRecords.length;

/** Whether M's diagonal is hidden: the user's choice, else hidden for modular arithmetic. */
export const selectHideDiagonal = (s: AppState): boolean => s.hideDiagonal ?? s.dataset?.layout.kind === 'modular';

/** Whether the page is dark: the theme toggle, or the system's preference when it is auto. */
export const selectDarkTheme = (s: AppState): boolean =>
  s.view.theme === 'dark' || (s.view.theme === 'auto' && s.systemDark);

/**
 * The side of M before the worker has reported a record, where the parameters alone fix it (generated
 * data), so the M panel can draw M = I at once, before tfjs has loaded; null where only the loaded data
 * can tell (text, CSV, bundled sets). Modular inputs are one-hot a and b: 2p coordinates.
 */
export const selectPlannedDimension = (s: AppState): number | null => {
  switch (s.params.data) {
    case 'synthetic':
    case 'lowrank':
      return s.params.d;
    case 'modular':
      return 2 * s.params.p;
    default:
      return null;
  }
};

/** Milliseconds the current run has left (see remainingTime.ts); null for sweeps and before an estimate. */
export const selectRemainingMs = (s: AppState): number | null =>
  s.jobKind === 'run' && (s.status === 'running' || s.status === 'starting')
    ? remainingRunMs(s.records, s.plannedRecords, s.progress)
    : null;
