/**
 * The AGOP tree's events of the worker wire format (docs/trees.md), joined into WorkerEvent (messages.ts).
 * A tree run starts with the ordinary `start` command (its job is of kind tree): it reports the splits once
 * they are grown, its progress through the split RFMs and the leaves, and each leaf as it finishes, with the
 * tree's test figures over the leaves finished so far. Run-scoped like the rest; typed arrays transferred.
 */
import type { TreeProgress } from '../core/tree/trainTree';
import type { LeafSummary, TreeNode, TreeSummary } from '../core/tree/treeTypes';

export type { TreeProgress } from '../core/tree/trainTree';

/** The grown tree: its splits and how many training and test rows each leaf holds. */
export interface TreeShape {
  root: TreeNode;
  depth: number;
  leafSizes: number[];
  leafTestSizes: number[];
  /** Time to grow the splits (their RFMs and projections), ms. */
  growMs: number;
}

export type TreeEvent =
  | { type: 'treeGrown'; runId: number; tree: TreeShape }
  | { type: 'treeProgressed'; runId: number; progress: TreeProgress }
  /** A leaf's RFM ended; `summary` is the tree's figures over the leaves finished so far. */
  | { type: 'treeLeafFinished'; runId: number; leaf: LeafSummary; summary: TreeSummary };
