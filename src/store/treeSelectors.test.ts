/** Where a tree run is: its share done, its position in words and the time left at its leaves' pace. */
import { describe, expect, it } from 'vitest';
import type { LeafSummary, TreeNode } from '../core/tree/treeTypes';
import type { TreeProgress } from '../protocol/treeMessages';
import type { TreeResults } from './treeResults';
import type { AppState } from './store';
import { selectTreeRemainingMs, treeFraction, treePosition } from './treeSelectors';

const leafNode = (leaf: number): TreeNode => ({ kind: 'leaf', id: leaf + 1, depth: 1, rows: 100, leaf });
const shape = {
  root: {
    kind: 'split',
    id: 0,
    depth: 0,
    rows: 200,
    direction: Float64Array.of(1, 0),
    threshold: 0,
    dominance: 0.9,
    left: leafNode(0),
    right: leafNode(1),
  } as TreeNode,
  depth: 1,
  leafSizes: [100, 100],
  leafTestSizes: [10, 10],
  growMs: 5,
};
const leafDone = { leaf: 0, ms: 1000 } as LeafSummary;
const running = (leaf: number, iteration: number): TreeProgress => ({
  stage: 'leaf',
  leaf,
  leaves: 2,
  rfm: { iteration, phase: 'kernel', fraction: 0 },
});
const tree = (patch: Partial<TreeResults>): TreeResults => ({
  shape,
  leaves: [],
  summary: null,
  progress: null,
  grownAt: 0,
  ...patch,
});

describe('tree progress', () => {
  it('counts finished leaves and the running leaf by its iterations', () => {
    // One leaf of two done, the second at iteration 2 of 4 (its kernel phase: 1/5 of the iteration).
    expect(treeFraction(tree({ leaves: [leafDone], progress: running(1, 2) }), 4, 2)).toBeCloseTo((1 + 2.2 / 4) / 2);
  });

  it('reads "growing splits k/K" until the splits arrive, then "leaf i/N"', () => {
    const growing = tree({
      shape: null,
      progress: { stage: 'split', splits: 0, plannedSplits: 1, rfm: { iteration: 0, phase: 'solve', fraction: 0 } },
    });
    expect(treePosition(growing, 2)).toBe('growing splits 0/1');
    expect(treePosition(tree({ leaves: [leafDone] }), 2)).toBe('leaf 2/2');
  });
});

describe('the time left', () => {
  const state = (results: TreeResults, status: AppState['status']) =>
    ({
      results: { kind: 'tree', job: { kind: 'tree', leafSize: 100, trainRows: 200 }, ...results },
      status,
      params: { iters: 3 },
    }) as unknown as AppState;

  it("is the finished leaves' mean time times the leaves left, less the running leaf's share", () => {
    // One leaf took 1 s; the second is at iteration 2 of 4, its kernel phase: 1 - 2.2 / 4 of a leaf left.
    expect(selectTreeRemainingMs(state(tree({ leaves: [leafDone], progress: running(1, 2) }), 'running'))).toBeCloseTo(
      450,
    );
  });

  it('is unknown before the first leaf has finished, and once the run has stopped', () => {
    expect(selectTreeRemainingMs(state(tree({}), 'running'))).toBeNull();
    expect(selectTreeRemainingMs(state(tree({ leaves: [leafDone] }), 'finished'))).toBeNull();
  });
});
