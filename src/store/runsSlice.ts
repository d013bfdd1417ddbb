/**
 * Kept runs: every finished or stopped run (and any pinned sweep point), newest last, with the user's
 * names, pins and colours; which of them are being compared; and which one's full view is open.
 * Keeping is bounded: past the storage budget the oldest unpinned runs are evicted (evict.ts).
 * Persistence (IndexedDB) follows this list from outside (runPersistence.ts); it never drives it.
 */
import type { StateCreator } from 'zustand';
import { jobFromParams } from '../jobs/job';
import { jobTraits } from '../jobs/jobTraits';
import { presetParams } from '../params/presets';
import type { Params } from '../params/schema';
import { completedUnits, emptyResults, hasIterationRecords, type Results } from './results';
import type { KeptResults } from './runs/keptResults';
import { assetDigest } from './runs/assetDigest';
import { sourceOf } from '../data/sources/descriptors';
import { RUN_STORAGE_BUDGET, evictToBudget } from './runs/evict';
import { defaultRunName, newRunId, nextRunColor, type KeptRun, type RunOutcome } from './runs/keptRun';
import { storeRun, storedBytes } from './runs/serialise';
import type { AppState } from './store';

export interface RunsSlice {
  runs: KeptRun[];
  /** Ids of the runs chosen for comparison, in the order chosen. */
  compareIds: string[];
  /** The kept run whose full view is shown in the main panels (null: the live run). */
  openRunId: string | null;
  /** Parameters of the current run, as it was requested (params may change while it runs). */
  runParams: Params | null;
  /** Bytes per kept run in its stored form, by id (measured once, when kept). */
  runBytes: Record<string, number>;
  /** Storage budget for kept runs, bytes. */
  runsBudget: number;
  /** Why the last save or load failed (kept runs are still in memory), or null. */
  storageError: string | null;
  /**
   * The run just kept while pinned runs fill the budget: it stays, over budget, until the user says whether
   * to keep it (keepOverBudget) or delete it. Null otherwise.
   */
  overBudget: { runId: string; pinnedBytes: number; over: number } | null;
  keepOverBudget: () => void;
  renameRun: (id: string, name: string) => void;
  togglePinned: (id: string) => void;
  deleteRun: (id: string) => void;
  /** Forget every kept run, pinned ones too (the clear-storage button). */
  clearRuns: () => void;
  toggleCompared: (id: string) => void;
  /** Shows a kept run's full view: its parameters and records, without retraining. */
  openRun: (id: string) => void;
  /** Keeps a sweep point as a run of its own (its final M and baseline and final errors). */
  pinSweepPoint: (index: number) => void;
  /** Runs read back from storage, merged with those in memory (same id: memory wins). */
  runsAdded: (runs: KeptRun[]) => void;
  /**
   * Runs from a file: added as runsAdded does when they fit the budget with the runs kept now; otherwise
   * nothing changes and the returned sentence says why (null: imported).
   */
  runsImported: (runs: KeptRun[]) => string | null;
  setStorageError: (message: string | null) => void;
}

/**
 * The patch that keeps the current run, or {} when there is nothing to keep: an RFM run keeps its iteration
 * records, a sweep its points, a lin-RFM, Deep RFM or ConvRFM run its summary and records (once it is built).
 */
export function keepCurrentRun(s: AppState, outcome: RunOutcome, now = Date.now()): Partial<AppState> {
  const r = s.results;
  if (!jobTraits(r.job).kept || s.openRunId !== null || !s.runParams || completedUnits(r) === 0) return {};
  if (r.kind !== 'sweep' && !hasIterationRecords(r) && 'summary' in r && r.summary === null) return {};
  let kept: { records: KeptRun['records']; results?: KeptResults; asset?: string };
  if (hasIterationRecords(r)) kept = { records: r.records };
  else if (r.kind !== 'tree' && r.kind !== 'catapults') {
    const { job: _job, ...results } = r; // the parameters give the job again
    kept = { records: [], results };
  } else return {}; // AGOP trees and catapults are not kept (jobTraits: kept false)
  const asset = assetDigest(s.assets, sourceOf(s.runParams.data).needs(s.runParams));
  if (asset !== null) kept.asset = asset;
  return withRun(s, {
    id: newRunId(now),
    name: defaultRunName(s.runParams, presetParams(s.runParams.preset)),
    color: nextRunColor(s.runs),
    pinned: false,
    createdAt: now,
    outcome,
    params: s.runParams,
    dataset: s.dataset,
    ...kept,
  });
}

/** The state with `run` added, measured, and the oldest unpinned runs evicted past the budget. */
function withRun(s: AppState, run: KeptRun): Partial<AppState> {
  const runBytes = { ...s.runBytes, [run.id]: storedBytes(storeRun(run)) };
  const { kept, evicted, over } = evictToBudget([...s.runs, run], (r) => runBytes[r.id] ?? 0, s.runsBudget, run.id);
  for (const gone of evicted) delete runBytes[gone.id];
  const ids = new Set(kept.map((r) => r.id));
  const pinnedBytes = kept.filter((r) => r.pinned).reduce((sum, r) => sum + (runBytes[r.id] ?? 0), 0);
  return {
    runs: kept,
    runBytes,
    compareIds: s.compareIds.filter((id) => ids.has(id)),
    overBudget: over > 0 && !run.pinned ? { runId: run.id, pinnedBytes, over } : null,
  };
}

const updateRun = (s: AppState, id: string, change: (run: KeptRun) => KeptRun) => ({
  runs: s.runs.map((r) => (r.id === id ? change(r) : r)),
});

/** The runs with `added` merged in by creation time (same id: the one in memory wins), measured. */
function mergedRuns(s: AppState, added: KeptRun[]): Pick<AppState, 'runs' | 'runBytes'> {
  const have = new Set(s.runs.map((r) => r.id));
  const fresh = added.filter((r) => !have.has(r.id));
  const runBytes = { ...s.runBytes };
  for (const run of fresh) runBytes[run.id] = storedBytes(storeRun(run));
  return { runs: [...fresh, ...s.runs].sort((a, b) => a.createdAt - b.createdAt), runBytes };
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export const createRunsSlice: StateCreator<AppState, [], [], RunsSlice> = (set, get) => ({
  runs: [],
  compareIds: [],
  openRunId: null,
  runParams: null,
  runBytes: {},
  runsBudget: RUN_STORAGE_BUDGET,
  storageError: null,
  overBudget: null,
  keepOverBudget: () => set({ overBudget: null }),
  renameRun: (id, name) => set((s) => updateRun(s, id, (r) => ({ ...r, name: name.trim() || r.name }))),
  togglePinned: (id) => set((s) => updateRun(s, id, (r) => ({ ...r, pinned: !r.pinned }))),
  deleteRun: (id) =>
    set((s) => {
      const runBytes = { ...s.runBytes };
      delete runBytes[id];
      return {
        runs: s.runs.filter((r) => r.id !== id),
        runBytes,
        compareIds: s.compareIds.filter((c) => c !== id),
        openRunId: s.openRunId === id ? null : s.openRunId,
        overBudget: s.overBudget?.runId === id ? null : s.overBudget,
      };
    }),
  clearRuns: () => set({ runs: [], runBytes: {}, compareIds: [], openRunId: null, overBudget: null }),
  toggleCompared: (id) =>
    set((s) => ({
      compareIds: s.compareIds.includes(id) ? s.compareIds.filter((c) => c !== id) : [...s.compareIds, id],
    })),
  openRun: (id) =>
    set((s) => {
      const run = s.runs.find((r) => r.id === id);
      if (!run) return s;
      return {
        openRunId: id,
        // The backend is how this machine trains, not part of the experiment: keep the current one.
        params: { ...run.params, backend: s.params.backend },
        runParams: run.params,
        runId: s.runId + 1,
        status: 'finished',
        results: keptResults(run, jobFromParams(run.params)),
        dataset: run.dataset,
        plannedRecords: run.results ? completedUnits(keptResults(run, jobFromParams(run.params))) : run.records.length,
        progress: null,
        error: null,
        selectedIteration: null,
      };
    }),
  pinSweepPoint: (index) =>
    set((s) => {
      const r = s.results;
      const point = r.kind === 'sweep' ? r.points[index] : undefined;
      const base = s.runParams;
      if (!point || !base || r.kind !== 'sweep') return s;
      const params = { ...base, [r.job.sweep.param]: point.value, sweep: 'none' } as Params;
      const now = Date.now();
      return withRun(s, {
        id: newRunId(now),
        name: `${defaultRunName(params, presetParams(params.preset))} (sweep point)`,
        color: nextRunColor(s.runs),
        pinned: true,
        createdAt: now,
        outcome: 'sweep point',
        params,
        records: [],
        dataset: null,
        point,
      });
    }),
  runsAdded: (added) => set((s) => mergedRuns(s, added)),
  runsImported: (added) => {
    const s = get();
    const merged = mergedRuns(s, added);
    const total = merged.runs.reduce((sum, r) => sum + (merged.runBytes[r.id] ?? 0), 0);
    if (total > s.runsBudget) {
      const adding = merged.runs.length - s.runs.length;
      return `importing ${adding} ${adding === 1 ? 'run' : 'runs'} would take the kept runs to ${megabytes(total)} of the ${megabytes(s.runsBudget)} budget, so nothing was imported: delete or export some runs first, or import a smaller file`;
    }
    set(merged);
    return null;
  },
  setStorageError: (message) => set({ storageError: message }),
});

/**
 * A kept run's results under the job its parameters describe: its kept results (a sweep, lin-RFM), else its
 * iteration records (an RFM run). Results of another kind than the job (not written by this app) are dropped.
 */
function keptResults(run: KeptRun, job: ReturnType<typeof jobFromParams>): Results {
  const results = emptyResults(job);
  if (run.results) return run.results.kind === job.kind ? ({ ...run.results, job } as Results) : results;
  return hasIterationRecords(results) ? { ...results, records: run.records } : results;
}
