/**
 * Growing the AGOP tree (docs/trees.md): a node with more than leafSize training rows is split at the
 * median of its rows' projections on the top eigenvector of an RFM's M fitted on a sample of them, and both
 * halves are grown in turn, until every leaf holds at most leafSize rows. Only the split RFMs touch tfjs, one
 * at a time, each on at most splitSampleSize rows; the rows themselves move as index lists.
 */
import type { Progress } from '../rfm';
import type { Dataset, RfmOptions } from '../types';
import { medianThreshold, projectRows, splitDirection } from './split';
import { plannedLeaves } from './treeLimits';
import type { TreeNode, TreeOptions } from './treeTypes';

export interface GrownTree {
  root: TreeNode;
  /** The training rows of each leaf, in row order, leaves left to right. */
  leafRows: Int32Array[];
  depth: number;
}

export interface GrowProgress {
  /** Splits made so far, and how many a balanced tree of this size needs. */
  splits: number;
  plannedSplits: number;
  rfm: Progress;
}

/** The node's seed: runs differ by options.seed, nodes of one run by their id. */
function nodeSeed(seed: number, id: number): number {
  return (seed * 7919 + 104729 * (id + 1)) >>> 0;
}

export async function growTree(
  data: Dataset,
  options: RfmOptions,
  tree: TreeOptions,
  checkpoint?: (progress: GrowProgress) => Promise<void>,
): Promise<GrownTree> {
  if (!Number.isInteger(tree.leafSize) || tree.leafSize < 2) throw new Error(`invalid leaf size: ${tree.leafSize}`);
  const splitTree = { ...tree, splitSampleSize: Math.min(tree.splitSampleSize, tree.leafSize) };
  const plannedSplits = plannedLeaves(data.nTrain, tree.leafSize) - 1;
  const leafRows: Int32Array[] = [];
  let nextId = 0;
  let splits = 0;
  let depth = 0;

  const grow = async (rows: Int32Array, level: number): Promise<TreeNode> => {
    const id = nextId++;
    depth = Math.max(depth, level);
    if (rows.length <= tree.leafSize) {
      leafRows.push(rows);
      return { kind: 'leaf', id, depth: level, rows: rows.length, leaf: leafRows.length - 1 };
    }
    const hooks = { checkpoint: async (rfm: Progress) => checkpoint?.({ splits, plannedSplits, rfm }) };
    const { direction, dominance } = await splitDirection(
      data,
      rows,
      options,
      splitTree,
      nodeSeed(options.seed, id),
      hooks,
    );
    const projections = projectRows(data.xTrain, data.d, rows, direction);
    const threshold = medianThreshold(projections);
    if (threshold === null)
      throw new Error(
        `${rows.length} training rows project to one value on the split direction (duplicated rows?): ` +
          `they cannot be split into leaves of ${tree.leafSize}`,
      );
    const left = rows.filter((_, r) => projections[r]! <= threshold);
    const right = rows.filter((_, r) => projections[r]! > threshold);
    splits++;
    const leftNode = await grow(left, level + 1);
    const rightNode = await grow(right, level + 1);
    return {
      kind: 'split',
      id,
      depth: level,
      rows: rows.length,
      direction,
      threshold,
      dominance,
      left: leftNode,
      right: rightNode,
    };
  };

  const root = await grow(
    Int32Array.from({ length: data.nTrain }, (_, i) => i),
    0,
  );
  return { root, leafRows, depth };
}
