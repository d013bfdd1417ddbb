/**
 * What the tree panel and the status line read from an AGOP tree's results (docs/trees.md): the results
 * themselves, how far the run is (leaves done plus the running leaf's share of its iterations), where it is
 * in words, and the time left at the pace of the leaves finished so far.
 */
import type { ResultsOf } from './results';
import type { AppState } from './store';
import type { TreeResults } from './treeResults';

const PHASES = ['agop', 'kernel', 'solve', 'predict', 'spectrum'] as const;

/** The running leaf's share done, 0..1: its finished iterations and the phase within the current one. */
function runningLeafShare(tree: TreeResults, iterations: number): number {
  const p = tree.progress;
  if (!p || p.stage !== 'leaf' || p.leaf < tree.leaves.length) return 0;
  const within = (PHASES.indexOf(p.rfm.phase) + p.rfm.fraction) / PHASES.length;
  return Math.min(1, (p.rfm.iteration + within) / iterations);
}

/** Share of the tree run done in [0, 1]: leaves count, the splits before them do not (they are quick). */
export function treeFraction(tree: TreeResults, iterations: number, plannedLeaves: number): number {
  if (plannedLeaves === 0) return 0;
  return Math.min(1, (tree.leaves.length + runningLeafShare(tree, iterations)) / plannedLeaves);
}

/** "growing splits 3/31" before the leaves, then "leaf 5/32". */
export function treePosition(tree: TreeResults, plannedLeaves: number): string {
  const p = tree.progress;
  if (!tree.shape) return p?.stage === 'split' ? `growing splits ${p.splits}/${p.plannedSplits}` : 'growing splits';
  const leaves = tree.shape.leafSizes.length || plannedLeaves;
  return `leaf ${Math.min(tree.leaves.length + 1, leaves)}/${leaves}`;
}

export const selectTree = (s: AppState): ResultsOf<'tree'> | null => (s.results.kind === 'tree' ? s.results : null);

/**
 * Milliseconds left: the mean time of the finished leaves times the leaves still to train (less the running
 * leaf's share). Null before the first leaf has finished (no pace yet) and when not running.
 */
export const selectTreeRemainingMs = (s: AppState): number | null => {
  const tree = selectTree(s);
  if (!tree?.shape || tree.leaves.length === 0 || (s.status !== 'running' && s.status !== 'starting')) return null;
  const mean = tree.leaves.reduce((sum, leaf) => sum + leaf.ms, 0) / tree.leaves.length;
  const left = tree.shape.leafSizes.length - tree.leaves.length - runningLeafShare(tree, s.params.iters + 1);
  return Math.max(0, mean * left);
};
