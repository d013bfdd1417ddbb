/** Selectors over kept runs: each returns one value derived from the state. */
import type { AppState } from '../store';
import type { KeptRun } from './keptRun';

/** The runs chosen for comparison, in the order chosen. */
export function comparedRuns(runs: readonly KeptRun[], ids: readonly string[]): KeptRun[] {
  return ids.flatMap((id) => runs.find((r) => r.id === id) ?? []);
}

/** Bytes all kept runs take in storage. */
export const selectRunsBytes = (s: AppState): number => s.runs.reduce((sum, r) => sum + (s.runBytes[r.id] ?? 0), 0);

/** The final test error of a kept run (the last iteration's, or a sweep point's), or null. */
export function finalTestError(run: KeptRun): number | null {
  const last = run.records.at(-1);
  if (last) return last.testMse;
  return run.point?.finalTestMse ?? null;
}
