/**
 * The current run as the worker reports it: status, progress, errors, backend; its results are the
 * results slice's (results.ts), replaced here when a new job is requested.
 * Events of a run other than the current one never reach these actions (the client drops them).
 */
import type { StateCreator } from 'zustand';
import type { Progress } from '../core';
import type { Job } from '../jobs/job';
import type { BackendInfo, DatasetSummary } from '../protocol/messages';
import { completedUnits, emptyResults } from './results';
import { keepCurrentRun } from './runsSlice';
import type { AppState } from './store';

export type RunStatus = 'idle' | 'starting' | 'running' | 'paused' | 'finished' | 'failed' | 'cancelled';

export interface RunSlice {
  runId: number;
  status: RunStatus;
  progress: Progress | null;
  error: string | null;
  dataset: DatasetSummary | null;
  /** Total iterations of the current run (T + 1 records), or points of the current sweep. */
  plannedRecords: number;
  backend: BackendInfo | null;
  backendError: string | null;
  /** Pause was asked for and the worker has not yet stopped (it stops at the next checkpoint). */
  pausing: boolean;
  /** What the app is waiting for, when that is not obvious (a previous run that will not stop, a fresh worker). */
  notice: string | null;
  /** The failure may pass on a second try (a download, a lost worker): the banner offers Retry. */
  retryable: boolean;
  /**
   * The results on screen are those of the last run that produced any, kept because the latest run
   * failed before its first iteration (bad input, a refused size): losing them would help no one.
   */
  showingLastGood: boolean;
  /** The last job that produced results, kept while a new one has none yet. */
  lastGood: Pick<AppState, 'results' | 'dataset' | 'plannedRecords'> | null;
  /** A new job was sent to the worker: it expects `plannedRecords` units; every earlier result is cleared. */
  runRequested: (runId: number, job: Job, plannedRecords: number) => void;
  /** The worker began the job; `dataset` is null for jobs that build their own problem (lin-RFM). */
  runStarted: (dataset: DatasetSummary | null) => void;
  progressed: (progress: Progress) => void;
  pauseRequested: () => void;
  runPaused: () => void;
  runResumed: () => void;
  runFinished: () => void;
  runFailed: (message: string, retryable?: boolean) => void;
  setNotice: (notice: string | null) => void;
  runReset: () => void;
  /** The user asked for a backend: earlier backend problems no longer apply. */
  backendRequested: () => void;
  backendSelected: (info: BackendInfo) => void;
  backendFailed: (message: string) => void;
}

export const createRunSlice: StateCreator<AppState, [], [], RunSlice> = (set) => ({
  runId: 0,
  status: 'idle',
  progress: null,
  error: null,
  dataset: null,
  plannedRecords: 0,
  backend: null,
  backendError: null,
  pausing: false,
  notice: null,
  retryable: false,
  showingLastGood: false,
  lastGood: null,
  // A finished run is kept as finished; one replaced by a tweak before it finished is not kept (a slider
  // step would flood the runs list with stopped runs); one reset before it finished is kept as stopped.
  runRequested: (runId, job, plannedRecords) =>
    set((s) => ({
      runParams: s.params,
      openRunId: null,
      lastGood:
        completedUnits(s.results) > 0
          ? { results: s.results, dataset: s.dataset, plannedRecords: s.plannedRecords }
          : s.lastGood,
      runId,
      plannedRecords,
      status: 'starting',
      ...CLEARED_RUN,
      results: emptyResults(job),
      // A new run shows its latest iteration, except the first run after a link that names one.
      selectedIteration: s.restoredIteration,
      restoredIteration: null,
      selectedSweepPoint: null,
    })),
  runStarted: (dataset) => set({ dataset, status: 'running', notice: null }),
  progressed: (progress) => set({ progress }),
  pauseRequested: () => set((s) => (s.status === 'running' || s.status === 'starting' ? { pausing: true } : s)),
  runPaused: () =>
    set((s) => (s.status === 'running' || s.status === 'starting' ? { status: 'paused', pausing: false } : s)),
  runResumed: () => set({ status: 'running', pausing: false }),
  runFinished: () =>
    set((s) => ({ status: 'finished', progress: null, pausing: false, ...keepCurrentRun(s, 'finished') })),
  runFailed: (message, retryable = false) =>
    set((s) => {
      const failed = {
        status: 'failed' as const,
        error: message,
        progress: null,
        notice: null,
        retryable,
        pausing: false,
      };
      if (completedUnits(s.results) > 0 || !s.lastGood) return failed;
      return { ...failed, ...s.lastGood, showingLastGood: true };
    }),
  setNotice: (notice) => set({ notice }),
  runReset: () =>
    set((s) => ({
      ...keepUnfinished(s),
      openRunId: null,
      runId: s.runId + 1,
      status: 'idle',
      ...CLEARED_RUN,
      results: emptyResults(s.results.job),
      lastGood: null,
    })),
  backendRequested: () => set({ backendError: null }),
  backendSelected: (info) => set({ backend: info }),
  backendFailed: (message) => set({ backendError: message }),
});

/** What a new or reset run starts from: no progress, errors or notices of the previous one. */
const CLEARED_RUN = {
  pausing: false,
  progress: null,
  error: null,
  notice: null,
  retryable: false,
  showingLastGood: false,
} satisfies Partial<AppState>;

/** Keeps the current run as stopped on a reset if it had begun and had not finished (finished runs are kept already). */
function keepUnfinished(s: AppState): Partial<AppState> {
  const unfinished = s.status === 'running' || s.status === 'paused' || s.status === 'starting';
  return unfinished ? keepCurrentRun(s, 'stopped') : {};
}
