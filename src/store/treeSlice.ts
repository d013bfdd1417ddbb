/**
 * The actions of an AGOP tree run (docs/trees.md): the worker's tree events land in the results value
 * (treeResults.ts). Events for a job that is not a tree change nothing.
 */
import type { StateCreator } from 'zustand';
import type { LeafSummary, TreeSummary } from '../core/tree/treeTypes';
import type { TreeProgress, TreeShape } from '../protocol/treeMessages';
import type { AppState } from './store';
import { withTree } from './treeResults';

export interface TreeSlice {
  treeGrown: (shape: TreeShape) => void;
  treeProgressed: (progress: TreeProgress) => void;
  treeLeafFinished: (leaf: LeafSummary, summary: TreeSummary) => void;
}

export const createTreeSlice: StateCreator<AppState, [], [], TreeSlice> = (set) => ({
  treeGrown: (shape) => set((s) => ({ results: withTree(s.results, () => ({ shape, grownAt: performance.now() })) })),
  treeProgressed: (progress) => set((s) => ({ results: withTree(s.results, () => ({ progress })) })),
  treeLeafFinished: (leaf, summary) =>
    set((s) => ({ results: withTree(s.results, (tree) => ({ leaves: [...tree.leaves, leaf], summary })) })),
});
