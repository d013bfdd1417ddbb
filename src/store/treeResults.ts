/**
 * An AGOP tree's results on screen (docs/trees.md): the grown splits, each finished leaf, the tree's test
 * figures over the leaves finished so far (as the worker computed them) and the latest progress. Pure
 * functions over the results value; treeSlice.ts holds the actions, the tree panel reads them through
 * selectors of its own (treeSelectors.ts).
 */
import type { LeafSummary, TreeSummary } from '../core/tree/treeTypes';
import type { TreeProgress, TreeShape } from '../protocol/treeMessages';
import type { Results } from './results';

export interface TreeResults {
  /** Null until the worker has grown the splits. */
  shape: TreeShape | null;
  leaves: LeafSummary[];
  summary: TreeSummary | null;
  progress: TreeProgress | null;
  /** performance.now() when the splits arrived: the leaves' pace (and so the ETA) is measured from it. */
  grownAt: number | null;
}

/** The tree results changed by `change`; unchanged for a job that is not a tree. */
export function withTree(r: Results, change: (tree: TreeResults) => Partial<TreeResults>): Results {
  return r.kind === 'tree' ? { ...r, ...change(r) } : r;
}
