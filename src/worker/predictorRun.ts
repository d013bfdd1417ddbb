/**
 * The worker's side of the predictor panel (docs/predictor.md): the current run's per-iteration models,
 * kept on the CPU as they are trained, and the answer to the page's `evaluatePredictor` command. Only
 * data with plain vector inputs gets them (one-hot text, modular pairs and images have no meaningful
 * slice through two coordinates); for the rest the panel is not offered.
 */
import { createKernel, type Dataset } from '../core';
import { truthFromParams } from '../data/sources/registry';
import { optionsFromParams } from '../experiments/options';
import { PredictorSnapshots } from '../experiments/predictorView';
import type { Params } from '../params/schema';
import type { WorkerEvent } from '../protocol/messages';
import { predictorTransferables, type PredictorCommand } from '../protocol/predictorMessages';
import { describeError } from './describeError';

let current: { runId: number; snapshots: PredictorSnapshots } | null = null;

/** Starts keeping the models of run `runId` (dropping the previous run's); null when its data has no grid. */
export function keepPredictorModels(runId: number, data: Dataset, params: Params): PredictorSnapshots | null {
  current = null;
  if (data.layout && data.layout.kind !== 'vector') return null;
  const options = optionsFromParams(params);
  let truth = null;
  try {
    truth = truthFromParams(params);
  } catch {
    // The data was built from the same expression, so this does not happen; without it the panel draws no truth.
  }
  const snapshots = new PredictorSnapshots(
    data,
    createKernel(options.kernel, options.bandwidth, options.exponent),
    truth,
  );
  current = { runId, snapshots };
  return snapshots;
}

/** Forgets the kept models (a new backend, a sweep or lin-RFM job). */
export function dropPredictorModels(): void {
  current = null;
}

export async function evaluatePredictor(
  command: PredictorCommand,
  post: (event: WorkerEvent, transfer?: Transferable[]) => void,
): Promise<void> {
  const { runId, requestId } = command;
  const answer = (message: string) => post({ type: 'predictorEvaluated', runId, requestId, view: null, message });
  if (!current || current.runId !== runId) return answer('the models of this run are no longer in the training worker');
  try {
    const view = await current.snapshots.evaluate(command.request);
    post({ type: 'predictorEvaluated', runId, requestId, view, message: null }, predictorTransferables(view));
  } catch (error) {
    answer(describeError(error).message);
  }
}
