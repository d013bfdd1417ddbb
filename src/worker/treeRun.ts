/**
 * The worker's AGOP tree job (docs/trees.md): builds the data set, refuses a size the tree cannot train
 * (core/tree/treeLimits.ts, with the figures), grows the splits, then trains the leaves one after another.
 * It posts the splits once, the progress at every RFM phase (through the same RunControl, so pause and
 * cancel work), and each finished leaf with the tree's test figures over the leaves done so far.
 */
import { checkRunCost } from '../core/runCost';
import { summariseTree, type LeafRecords } from '../core/tree/summary';
import { trainTree } from '../core/tree/trainTree';
import { checkTreeFits } from '../core/tree/treeLimits';
import type { IterationRecord } from '../core/types';
import { optionsFromParams } from '../experiments/options';
import { treeOptionsFromParams } from '../experiments/treeExperiment';
import { recordTransferables, type RunDescription, type WorkerEvent } from '../protocol/messages';
import { buildDataset, summarizeDataset } from './buildDataset';
import type { RunControl } from './runControl';
import { memoryLimits } from './selectBackend';

export async function runTreeJob(
  runId: number,
  run: RunDescription,
  control: RunControl,
  post: (event: WorkerEvent, transfer?: Transferable[]) => void,
): Promise<void> {
  const data = await buildDataset(run.params, run.assets);
  post({ type: 'runStarted', runId, dataset: summarizeDataset(data) });
  const tree = treeOptionsFromParams(run.params);
  const shape = { n: data.nTrain, nTest: data.nTest, d: data.d, c: data.c };
  checkTreeFits(shape, tree.leafSize, memoryLimits());
  checkRunCost({ ...shape, n: Math.min(shape.n, tree.leafSize) });
  const finished: LeafRecords[] = [];
  let records: IterationRecord[] = [];
  let depth = 0;
  const events = trainTree(data, optionsFromParams(run.params), tree, {
    checkpoint: async (progress) => {
      post({ type: 'treeProgressed', runId, progress });
      await control.checkpoint();
    },
  });
  for await (const event of events) {
    switch (event.type) {
      case 'grown':
        depth = event.depth;
        post({
          type: 'treeGrown',
          runId,
          tree: {
            root: event.root,
            depth: event.depth,
            leafSizes: event.leafSizes,
            leafTestSizes: event.leafTestSizes,
            growMs: event.ms,
          },
        });
        break;
      case 'leafIteration':
        records.push(event.record);
        break;
      case 'leafFinished': {
        const { summary: leaf } = event;
        finished.push({ nTest: leaf.nTest, records, kept: leaf.kept });
        records = [];
        // The tree's figures over the finished leaves' test points, before the kept record's buffers move.
        const summary = summariseTree(finished, data.yTest, data.c, depth);
        post({ type: 'treeLeafFinished', runId, leaf, summary }, recordTransferables(leaf.kept));
        break;
      }
    }
  }
}
