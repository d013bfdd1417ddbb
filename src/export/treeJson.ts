/**
 * An AGOP tree as JSON (docs/trees.md), for `rfm fit --leaf-size` and the app alike: the splits (direction,
 * threshold, rows), each leaf's size and kept iteration's figures, and the tree's figures per iteration.
 * Plain arrays and snake_case, as export/runJson.ts writes a run. Types from core only, no tfjs.
 */
import type { LeafSummary, TreeNode, TreeSummary } from '../core/tree/treeTypes';
import { iterationToJson, type IterationJson } from './runJson';

export type TreeNodeJson =
  | {
      node: number;
      depth: number;
      rows: number;
      /** Unit vector of length d: the top eigenvector of the split RFM's M. */
      direction: number[];
      /** Rows with x . direction <= threshold go left. */
      threshold: number;
      /** Top eigenvalue of that M over its trace. */
      dominance: number;
      left: TreeNodeJson;
      right: TreeNodeJson;
    }
  | { node: number; depth: number; rows: number; leaf: number };

export function treeNodeJson(node: TreeNode): TreeNodeJson {
  if (node.kind === 'leaf') return { node: node.id, depth: node.depth, rows: node.rows, leaf: node.leaf };
  return {
    node: node.id,
    depth: node.depth,
    rows: node.rows,
    direction: Array.from(node.direction),
    threshold: node.threshold,
    dominance: node.dominance,
    left: treeNodeJson(node.left),
    right: treeNodeJson(node.right),
  };
}

export interface LeafJson {
  leaf: number;
  n_train: number;
  n_test: number;
  iterations: number;
  ms: number;
  /** The kept iteration (the best on the validation split, else the last), as a run's record. */
  kept: IterationJson;
}

export function leafJson(summary: LeafSummary): LeafJson {
  return {
    leaf: summary.leaf,
    n_train: summary.nTrain,
    n_test: summary.nTest,
    iterations: summary.iterations,
    ms: Math.round(summary.ms),
    kept: iterationToJson(summary.kept),
  };
}

export interface TreeSummaryJson {
  leaves: number;
  depth: number;
  test_mse: number | null;
  test_acc: number | null;
  test_r2: number | null;
  by_iteration: {
    iter: number;
    test_mse: number | null;
    test_acc: number | null;
    test_r2: number | null;
    ms: number;
  }[];
  /** Mean time of one RFM iteration over all leaves (iterations 1..T: each with its AGOP), ms. */
  iteration_ms: number | null;
}

export function treeSummaryJson(summary: TreeSummary): TreeSummaryJson {
  const updates = summary.byIteration.filter((figures) => figures.iteration > 0);
  return {
    leaves: summary.leaves,
    depth: summary.depth,
    test_mse: summary.kept.testMse,
    test_acc: summary.kept.testAccuracy,
    test_r2: summary.kept.testR2,
    by_iteration: summary.byIteration.map((f) => ({
      iter: f.iteration,
      test_mse: f.testMse,
      test_acc: f.testAccuracy,
      test_r2: f.testR2,
      ms: Math.round(f.ms),
    })),
    iteration_ms: updates.length > 0 ? Math.round(updates.reduce((s, f) => s + f.ms, 0) / updates.length) : null,
  };
}
