/**
 * Tree-wide figures from the leaves' records: every test point is scored by the leaf it was routed to, so
 * the tree's test MSE is the leaves' MSEs weighted by their test points, and its R^2 sets that against the
 * variance of all test targets (so it can be read while only some leaves are done). A leaf that stopped
 * early counts with its last record.
 */
import type { IterationRecord } from '../types';
import type { TreeIterationFigures, TreeSummary } from './treeTypes';

export interface LeafRecords {
  nTest: number;
  records: IterationRecord[];
  kept: IterationRecord;
}

/** Sum over all test points and outputs of (y - mean of its output)^2; yTest is [nTest, c]. */
export function totalSquares(yTest: Float32Array, c: number): number {
  const n = yTest.length / c;
  let sst = 0;
  for (let k = 0; k < c; k++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += yTest[i * c + k]!;
    mean /= n;
    for (let i = 0; i < n; i++) sst += (yTest[i * c + k]! - mean) ** 2;
  }
  return sst;
}

function phaseSum(record: IterationRecord): number {
  const t = record.timings;
  return t.agop + t.kernel + t.solve + t.predict + t.spectrum;
}

/** The leaves' records of one iteration (each leaf's last one where it stopped before) scored together. */
function combine(picked: { nTest: number; record: IterationRecord }[], variance: number, c: number) {
  let points = 0;
  let sse = 0;
  let correct = 0;
  let accuracyKnown = true;
  for (const { nTest, record } of picked) {
    if (nTest === 0) continue;
    if (record.testMse === null) return { testMse: null, testAccuracy: null, testR2: null };
    points += nTest;
    sse += record.testMse * nTest * c;
    if (record.testAccuracy === null) accuracyKnown = false;
    else correct += record.testAccuracy * nTest;
  }
  if (points === 0) return { testMse: null, testAccuracy: null, testR2: null };
  return {
    testMse: sse / (points * c),
    testAccuracy: accuracyKnown ? correct / points : null,
    testR2:
      // 1 - MSE / Var(y): with every leaf in, 1 - SSE / SST over the whole test set.
      variance > 0 && picked.every(({ record }) => record.testR2 !== null || record.testMse === null)
        ? 1 - sse / (points * c) / variance
        : null,
  };
}

export function summariseTree(leaves: LeafRecords[], yTest: Float32Array, c: number, depth: number): TreeSummary {
  /** Variance of all test targets (per output, averaged): the leaves finished so far are set against it. */
  const variance = yTest.length > 0 ? totalSquares(yTest, c) / yTest.length : 0;
  const iterations = Math.max(...leaves.map((leaf) => leaf.records.length));
  const byIteration: TreeIterationFigures[] = [];
  for (let t = 0; t < iterations; t++) {
    const picked = leaves.map(({ nTest, records }) => ({ nTest, record: records[Math.min(t, records.length - 1)]! }));
    const ms = leaves.reduce((sum, { records }) => {
      const record = records[t];
      return sum + (record ? phaseSum(record) : 0);
    }, 0);
    byIteration.push({ iteration: t, ...combine(picked, variance, c), ms });
  }
  const kept = combine(
    leaves.map(({ nTest, kept: record }) => ({ nTest, record })),
    variance,
    c,
  );
  return { leaves: leaves.length, depth, kept, byIteration };
}
