/**
 * Training an AGOP tree of RFMs (docs/trees.md): grow the splits (grow.ts), route the test points down them
 * (route.ts), then train one RFM per leaf with the run's own options (core/rfm.ts), one leaf after the
 * other. At most one kernel matrix exists at any time, a leaf's or a split sample's, so memory is that of
 * one leaf whatever n is; each trainRfm disposes what it made, so the tensor count is flat across leaves.
 */
import { trainRfm, type Progress } from '../rfm';
import type { Dataset, IterationRecord, RfmOptions } from '../types';
import { growTree } from './grow';
import { subsetDataset } from './leafData';
import { routeRows } from './route';
import type { LeafSummary, TreeNode, TreeOptions } from './treeTypes';

export type TreeProgress =
  | { stage: 'split'; splits: number; plannedSplits: number; rfm: Progress }
  | { stage: 'leaf'; leaf: number; leaves: number; rfm: Progress };

export interface TreeHooks {
  /** Awaited before each phase of every RFM (splits and leaves). Throw to cancel; await to pause. */
  checkpoint?: (progress: TreeProgress) => Promise<void>;
  /** Floats per AGOP batch (tests lower it). */
  agopBatchFloats?: number;
}

export type TreeEvent =
  /** The splits are made: the tree, and the training and test rows of each leaf. */
  | { type: 'grown'; root: TreeNode; depth: number; leafSizes: number[]; leafTestSizes: number[]; ms: number }
  /** One iteration of one leaf's RFM. */
  | { type: 'leafIteration'; leaf: number; record: IterationRecord }
  /** A leaf's RFM ended; `kept` is its best (validation) or last iteration. */
  | { type: 'leafFinished'; summary: LeafSummary };

export async function* trainTree(
  data: Dataset,
  options: RfmOptions,
  tree: TreeOptions,
  hooks: TreeHooks = {},
): AsyncGenerator<TreeEvent, void, undefined> {
  let clock = performance.now();
  const grown = await growTree(data, options, tree, (progress) =>
    hooks.checkpoint ? hooks.checkpoint({ stage: 'split', ...progress }) : Promise.resolve(),
  );
  const leaves = grown.leafRows.length;
  const testRows = routeRows(grown.root, data.xTest, data.nTest, data.d, leaves);
  yield {
    type: 'grown',
    root: grown.root,
    depth: grown.depth,
    leafSizes: grown.leafRows.map((rows) => rows.length),
    leafTestSizes: testRows.map((rows) => rows.length),
    ms: performance.now() - clock,
  };
  for (let leaf = 0; leaf < leaves; leaf++) {
    clock = performance.now();
    const leafData = subsetDataset(data, grown.leafRows[leaf]!, testRows[leaf]!);
    let last: IterationRecord | null = null;
    let best: IterationRecord | null = null;
    let count = 0;
    const records = trainRfm(leafData, options, {
      checkpoint: hooks.checkpoint ? (rfm) => hooks.checkpoint!({ stage: 'leaf', leaf, leaves, rfm }) : undefined,
      agopBatchFloats: hooks.agopBatchFloats,
    });
    for await (const record of records) {
      count++;
      last = record;
      // A copy: the consumer may transfer the record's buffers to another thread.
      if (record.bestIteration === null || record.bestIteration === record.iteration) best = structuredClone(record);
      yield { type: 'leafIteration', leaf, record };
    }
    if (!last || !best) throw new Error(`leaf ${leaf + 1} produced no iteration`);
    const summary: LeafSummary = {
      leaf,
      nTrain: leafData.nTrain,
      nTest: leafData.nTest,
      iterations: count,
      kept: best,
      ms: performance.now() - clock,
    };
    yield { type: 'leafFinished', summary };
  }
}
