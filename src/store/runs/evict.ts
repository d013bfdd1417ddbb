/**
 * Bounded storage: when the kept runs take more than the budget, the oldest unpinned runs go first.
 * Pinned runs are never evicted (they may exceed the budget on their own: then the run just kept stays and
 * the storage bar says what is over and asks, see runsSlice.ts).
 */
import type { KeptRun } from './keptRun';

/** Default budget for kept runs, bytes (well inside what browsers grant a site). */
export const RUN_STORAGE_BUDGET = 50 * 1024 * 1024;

/**
 * Which runs stay and which go so that the sizes of those that stay fit the budget. The run `keep` (the
 * one just kept) never goes: when pinned runs alone fill the budget, it stays and `over` says by how much.
 */
export function evictToBudget(
  runs: readonly KeptRun[],
  sizeOf: (run: KeptRun) => number,
  budget: number,
  keep: string | null = null,
): { kept: KeptRun[]; evicted: KeptRun[]; over: number } {
  let total = runs.reduce((sum, r) => sum + sizeOf(r), 0);
  const evicted = new Set<string>();
  const oldestFirst = runs.filter((r) => !r.pinned && r.id !== keep).sort((a, b) => a.createdAt - b.createdAt);
  for (const run of oldestFirst) {
    if (total <= budget) break;
    total -= sizeOf(run);
    evicted.add(run.id);
  }
  return {
    kept: runs.filter((r) => !evicted.has(r.id)),
    evicted: runs.filter((r) => evicted.has(r.id)),
    over: Math.max(0, total - budget),
  };
}
