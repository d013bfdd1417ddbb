/**
 * `rfm fit --leaf-size N` on data with more training rows than N: an AGOP tree of RFMs (docs/trees.md). The
 * tree is grown, each leaf's RFM trains in turn (one kernel in memory at a time), and the JSON carries the
 * splits, every leaf's size, M and test error, and the tree's test error per iteration.
 */
import { cpuBackendLimits } from '../core/memory';
import { summariseTree, type LeafRecords } from '../core/tree/summary';
import { trainTree } from '../core/tree/trainTree';
import { checkTreeFits } from '../core/tree/treeLimits';
import type { TreeOptions } from '../core/tree/treeTypes';
import { DEFAULT_TREE_OPTIONS } from '../core/tree/treeTypes';
import type { Dataset, IterationRecord, RfmOptions } from '../core/types';
import {
  leafJson,
  treeNodeJson,
  treeSummaryJson,
  type LeafJson,
  type TreeNodeJson,
  type TreeSummaryJson,
} from '../export/treeJson';
import type { FitOptions } from './args';
import { fitDataJson, type FitDataJson } from './fitData';
import { progressLine } from './report';

/** What a tree run writes, for `rfm fit` and `rfm preset` alike. */
export interface TreeRunJson {
  options: RfmOptions;
  tree_options: { leaf_size: number; split_sample: number; split_iterations: number };
  tree: { grow_ms: number; root: TreeNodeJson; leaf_sizes: number[]; leaf_test_sizes: number[] };
  leaves: LeafJson[];
  summary: TreeSummaryJson;
}

export type TreeFitResult = TreeRunJson & { backend: string; data: FitDataJson; total_ms: number };

export async function fitTree(
  data: Dataset,
  options: FitOptions,
  backend: string,
  log: (line: string) => void,
  started: number,
): Promise<TreeFitResult> {
  const run = await runTree(data, options.rfm, options.leaf, backend, log);
  return { ...run, backend, data: fitDataJson(options, data), total_ms: Math.round(performance.now() - started) };
}

/** Grows the tree and trains its leaves on `data`, logging each leaf iteration; refuses what cannot fit. */
export async function runTree(
  data: Dataset,
  rfm: RfmOptions,
  leafSize: number,
  backend: string,
  log: (line: string) => void,
): Promise<TreeRunJson> {
  const tree: TreeOptions = { ...DEFAULT_TREE_OPTIONS, leafSize };
  checkTreeFits({ n: data.nTrain, nTest: data.nTest, d: data.d, c: data.c }, tree.leafSize, cpuBackendLimits(backend));
  log(
    `fitting a tree: ${data.nTrain} x ${data.d} -> ${data.c}${data.nTest > 0 ? ` (test ${data.nTest})` : ''} on ${backend}, ` +
      `leaves of at most ${tree.leafSize}: ${rfm.kernel} L = ${rfm.bandwidth}, lambda = ${rfm.ridge}, ${rfm.iterations} updates`,
  );
  let grown: TreeFitResult['tree'] | null = null;
  const leaves: LeafJson[] = [];
  const leafRecords: LeafRecords[] = [];
  let records: IterationRecord[] = [];
  let depth = 0;
  for await (const event of trainTree(data, rfm, tree)) {
    switch (event.type) {
      case 'grown':
        depth = event.depth;
        grown = {
          grow_ms: Math.round(event.ms),
          root: treeNodeJson(event.root),
          leaf_sizes: event.leafSizes,
          leaf_test_sizes: event.leafTestSizes,
        };
        log(
          `grew ${event.leafSizes.length} leaves (depth ${event.depth}) in ${(event.ms / 1000).toFixed(1)} s: ${event.leafSizes.join(', ')} rows`,
        );
        break;
      case 'leafIteration':
        records.push(event.record);
        log(`leaf ${event.leaf + 1}/${grown?.leaf_sizes.length ?? '?'}  ${progressLine(event.record, rfm.iterations)}`);
        break;
      case 'leafFinished':
        leaves.push(leafJson(event.summary));
        leafRecords.push({ nTest: event.summary.nTest, records, kept: event.summary.kept });
        records = [];
        break;
    }
  }
  if (!grown) throw new Error('the tree was not grown');
  const summary = treeSummaryJson(summariseTree(leafRecords, data.yTest, data.c, depth));
  log(
    `tree: test MSE ${summary.test_mse?.toExponential(3) ?? '-'}${summary.test_acc !== null ? `, test acc ${(summary.test_acc * 100).toFixed(1)}%` : ''}` +
      `, one iteration over all leaves ${((summary.iteration_ms ?? 0) / 1000).toFixed(1)} s`,
  );
  return {
    options: rfm,
    tree_options: {
      leaf_size: tree.leafSize,
      split_sample: tree.splitSampleSize,
      split_iterations: tree.splitIterations,
    },
    tree: grown,
    leaves,
    summary,
  };
}
