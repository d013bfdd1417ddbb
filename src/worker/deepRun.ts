/**
 * The worker's Deep RFM job (docs/deeprfm.md): builds the labelled points from the parameters, posts what it
 * fits, then one event per layer of the AGOP stack and then of the control, each with its collapse
 * measures, M_l's spectrum and the class-sorted Gram matrix of X_l. Pause, step (one layer) and cancel act
 * through the same RunControl as kernel runs: the engine awaits the checkpoint before every layer.
 */
import { classSortedGram } from '../core/deep/classGram';
import { trainDeepRfm } from '../core/deep/deepRfm';
import type { DeepData } from '../core/deep/deepTypes';
import { checkRunFits } from '../core/memory';
import { checkRunCost } from '../core/runCost';
import { deepDataFromParams, deepOptionsFromParams, deepRunShape } from '../experiments/deepExperiment';
import type { Params } from '../params/schema';
import { deepLayerTransferables, type DeepLayerResult } from '../protocol/deepMessages';
import type { DataAssets, WorkerEvent } from '../protocol/messages';
import type { RunControl } from './runControl';
import { memoryLimits } from './selectBackend';

/** The Gram view draws at most this many points (n^2 cells: 600 is 1.4 MB a layer). */
export const GRAM_POINTS = 600;

/** Points of the Gram view: all of them, or GRAM_POINTS spread evenly over the rows (classes keep their share). */
export function gramSample(n: number, max = GRAM_POINTS): Int32Array {
  if (n <= max) return Int32Array.from({ length: n }, (_, i) => i);
  return Int32Array.from({ length: max }, (_, i) => Math.floor((i * n) / max));
}

function gatherRows(x: ArrayLike<number>, d: number, rows: Int32Array): Float32Array {
  const out = new Float32Array(rows.length * d);
  rows.forEach((row, i) => {
    for (let j = 0; j < d; j++) out[i * d + j] = x[row * d + j] as number;
  });
  return out;
}

export async function runDeepJob(
  runId: number,
  params: Params,
  assets: DataAssets,
  control: RunControl,
  post: (event: WorkerEvent, transfer?: Transferable[]) => void,
): Promise<void> {
  const data: DeepData = await deepDataFromParams(params, assets);
  const options = deepOptionsFromParams(params);
  const shape = deepRunShape(data, options);
  checkRunFits(shape, memoryLimits());
  checkRunCost(shape);
  const sample = gramSample(data.n);
  const sampleLabels = Int32Array.from(sample, (i) => data.labels[i]!);
  const classStarts = new Int32Array(data.classes + 1);
  for (const c of sampleLabels) classStarts[c + 1]!++;
  for (let c = 0; c < data.classes; c++) classStarts[c + 1] = classStarts[c + 1]! + classStarts[c]!;
  post({
    type: 'deepStarted',
    runId,
    summary: {
      n: data.n,
      d: data.d,
      classes: data.classes,
      classLabels: data.classLabels ?? Array.from({ length: data.classes }, (_, c) => `${c}`),
      depth: options.depth,
      width: options.width,
      gramPoints: sample.length,
      classStarts,
    },
  });
  // The hook's features are a view valid during the call: keep the sampled rows, and make the Gram from
  // them once the layer has been measured (on the backend, awaited: the hook itself is synchronous).
  let features: { rows: Float32Array; d: number } | null = null;
  const records = trainDeepRfm(data, options, {
    checkpoint: () => control.checkpoint(),
    // X_l as the kernel sees it (rows at unit norm): the Gram centres and normalises it again.
    features: (_stack, _layer, stage, x, d) => {
      if (stage === 'X') features = { rows: gatherRows(x, d, sample), d };
    },
  });
  for await (const record of records) {
    const taken = features as { rows: Float32Array; d: number } | null;
    if (!taken) throw new Error(`layer ${record.layer} reported no features`);
    features = null;
    const { gram } = await classSortedGram(taken.rows, sample.length, taken.d, sampleLabels, data.classes);
    const layer: DeepLayerResult = { record, gram };
    post({ type: 'deepLayerCompleted', runId, layer }, deepLayerTransferables(layer));
    control.iterationDone();
  }
}
