/**
 * What a tree can train here, and whether a run is one (needsTree, plannedLeaves; pure, no tfjs, so the
 * page and the CSV check can import it). Checked before it starts: each leaf must pass the one-kernel memory check
 * (core/memory.ts) and the whole data set must stay under MAX_TREE_ROWS, so 1,000,000 rows are refused with
 * the figures instead of running for an hour or exhausting the tab.
 */
import { checkRunFits, largestFittingN, type MemoryLimits, type RunShape } from '../memory';

/** Whether n training rows need a tree at this leaf size (0: never; the run is then one kernel). */
export function needsTree(nTrain: number, leafSize: number): boolean {
  return leafSize > 0 && nTrain > leafSize;
}

/** Leaves of the balanced tree that halving n rows until they fit leafSize gives: 2^ceil(log2(n / leafSize)). */
export function plannedLeaves(n: number, leafSize: number): number {
  return n <= leafSize ? 1 : 2 ** Math.ceil(Math.log2(n / leafSize));
}

/**
 * Most training rows a tree takes. Its time is what binds, not its memory (the rows themselves are n x d
 * floats): one iteration costs about leaves x (leafSize^3 / 3) flops for the solves, measured at
 * LEAF_ITERATION_SECONDS for a leaf of 4,000 rows on wasm (docs/trees.md).
 */
export const MAX_TREE_ROWS = 250_000;
/**
 * One RFM iteration of a 4,000-row, 20-feature leaf on the wasm backend, CPU seconds: measured 1.7 s per
 * 3,125-row leaf (54 CPU s per iteration over 32 leaves, docs/trees.md), scaled by (4000 / 3125)^3.
 */
export const LEAF_ITERATION_SECONDS = 3.5;

/** Seconds per iteration over all leaves, from the measured leaf time scaled by leafSize^3. */
export function estimateTreeIterationSeconds(nTrain: number, leafSize: number): number {
  const leaves = plannedLeaves(nTrain, leafSize);
  const rowsPerLeaf = nTrain / leaves;
  return leaves * LEAF_ITERATION_SECONDS * (rowsPerLeaf / 4000) ** 3;
}

const count = (n: number) => Math.round(n).toLocaleString('en-US');

/** Throws an Error with the figures when the tree would not fit or would take too long. */
export function checkTreeFits(shape: RunShape, leafSize: number, limits: MemoryLimits): void {
  if (shape.n > MAX_TREE_ROWS) {
    const leaves = plannedLeaves(shape.n, leafSize);
    const minutes = estimateTreeIterationSeconds(shape.n, leafSize) / 60;
    throw new Error(
      `n = ${count(shape.n)} training rows are more than a tree trains here (at most ${count(MAX_TREE_ROWS)}): ` +
        `leaves of ${count(leafSize)} rows would make ${count(leaves)} leaves and about ${minutes.toFixed(0)} minutes ` +
        `per iteration on wasm. Take a sample of at most ${count(MAX_TREE_ROWS)} rows.`,
    );
  }
  const leafShape = { ...shape, n: Math.min(shape.n, leafSize) };
  try {
    checkRunFits(leafShape, limits);
  } catch {
    const largest = largestFittingN(leafShape, limits);
    throw new Error(
      `a leaf of ${count(leafSize)} training rows does not fit the ${limits.backend} backend's memory ` +
        `(one kernel matrix per leaf); the largest leaf size that fits is about ${count(largest)}.`,
    );
  }
}
