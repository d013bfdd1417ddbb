/**
 * The AGOP tree's types (docs/trees.md): how the training rows are cut into leaves small enough for one
 * kernel each, and what each leaf reports. Plain numbers and typed arrays only, so they cross the worker
 * boundary and go into JSON as they are.
 */
import type { IterationRecord } from '../types';

export interface TreeOptions {
  /** Most training rows a leaf may hold; a node with more is split in two at its median. */
  leafSize: number;
  /** Rows of the node the split's RFM is fitted on (at most leafSize, so it fits where a leaf fits). */
  splitSampleSize: number;
  /** M updates of the split's RFM (at least 1: M = I has no preferred direction). */
  splitIterations: number;
}

/**
 * The xRFM paper fits the split model on a subsample; 2,000 rows keep each split to a second or two on wasm
 * while the AGOP's top direction is already stable (it is a d x d average over the rows).
 */
export const DEFAULT_TREE_OPTIONS: TreeOptions = { leafSize: 4000, splitSampleSize: 2000, splitIterations: 2 };

/** A node of the tree; nodes are numbered in depth-first order from the root (0), leaves left to right. */
export type TreeNode =
  | {
      kind: 'split';
      id: number;
      depth: number;
      /** Training rows that reached this node. */
      rows: number;
      /** The unit top eigenvector of the split RFM's M, [d]; its largest entry is positive. */
      direction: Float64Array;
      /** Rows with x . direction <= threshold go left, the others right. */
      threshold: number;
      /** Top eigenvalue of that M over its trace: how much the split direction dominates (1: rank one). */
      dominance: number;
      left: TreeNode;
      right: TreeNode;
    }
  | { kind: 'leaf'; id: number; depth: number; rows: number; leaf: number };

/** What one leaf's RFM ended with: the kept iteration (the best one with a validation split, else the last). */
export interface LeafSummary {
  leaf: number;
  nTrain: number;
  nTest: number;
  /** Iterations the leaf ran (T + 1, fewer with early stopping or a degenerate M). */
  iterations: number;
  kept: IterationRecord;
  /** Wall time of the leaf's whole run, ms. */
  ms: number;
}

/** Tree-wide test figures of one iteration, each leaf's test points scored by their own leaf's model. */
export interface TreeIterationFigures {
  iteration: number;
  testMse: number | null;
  testAccuracy: number | null;
  testR2: number | null;
  /** That iteration's time summed over the leaves (kernel, solve, predict, spectrum and the AGOP before it), ms. */
  ms: number;
}

export interface TreeSummary {
  leaves: number;
  depth: number;
  /** Figures of the leaves' kept iterations together. */
  kept: Omit<TreeIterationFigures, 'iteration' | 'ms'>;
  byIteration: TreeIterationFigures[];
}
