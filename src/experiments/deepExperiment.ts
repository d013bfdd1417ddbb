/**
 * Deep RFM from the schema's parameters (docs/deeprfm.md): the engine's options, and its labelled points
 * from the data parameter. digits: floor(n / 10) images per digit (balanced, seeded) of px x px pixels;
 * the tables (iris, csv): the source's own builder as a classification (features as they are: the engine
 * standardises), all rows up to n. Which of the two a source is, its descriptor says (labelledPoints). Every point is used: Deep RFM measures collapse on the points
 * it fits, there is no test set.
 */
import type { DeepData, DeepRfmOptions } from '../core/deep/deepTypes';
import type { RunShape } from '../core/memory';
import type { Dataset } from '../core/types';
import { DataError } from '../data/errors';
import { loadBalancedDigits } from '../data/sources/balancedDigits';
import { downsample, poolingWeights, MNIST_SIDE } from '../data/sources/digits';
import type { DataAssets } from '../data/sources/source';
import { labelledSources, sourceOf } from '../data/sources/descriptors';
import { datasetFromParams } from '../data/sources/registry';
import type { Params } from '../params/schema';

export function deepOptionsFromParams(params: Params): DeepRfmOptions {
  return { depth: params.depth, width: params.rwidth, bandwidth: params.L, ridge: params.lambda, seed: params.seed };
}

/** The shape the memory and cost checks (core/memory.ts, core/runCost.ts) see: n x n kernels, the wider side's M. */
export function deepRunShape(data: DeepData, options: DeepRfmOptions): RunShape {
  return { n: data.n, nTest: 0, d: Math.max(data.d, options.width), c: data.classes };
}

/** Every row of a classification Dataset (train, then test), with its class index. */
function pointsOfDataset(data: Dataset, limit: number): DeepData {
  const { d, c } = data;
  const total = data.nTrain + data.nTest;
  const n = Math.min(total, limit);
  const x = new Float32Array(n * d);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const [xs, ys, row] = i < data.nTrain ? [data.xTrain, data.yTrain, i] : [data.xTest, data.yTest, i - data.nTrain];
    x.set(xs.subarray(row * d, (row + 1) * d), i * d);
    let best = 0;
    for (let k = 1; k < c; k++) if (ys[row * c + k]! > ys[row * c + best]!) best = k;
    labels[i] = best;
  }
  return { x, n, d, labels, classes: c, ...(data.classLabels ? { classLabels: data.classLabels } : {}) };
}

async function digitsPoints(params: Params): Promise<DeepData> {
  const perClass = Math.floor(params.n / 10);
  const digits = await loadBalancedDigits(perClass, params.seed);
  if (params.px === MNIST_SIDE) return digits;
  const d = params.px * params.px;
  const weights = poolingWeights(params.px);
  const x = new Float32Array(digits.n * d);
  for (let i = 0; i < digits.n; i++) downsample(digits.x, i * digits.d, weights, params.px, x, i * d);
  return { ...digits, x, d };
}

export async function deepDataFromParams(params: Params, assets: DataAssets): Promise<DeepData> {
  // How the points come is the source's to say (data/sources/descriptors.ts), not a list of data kinds here.
  switch (sourceOf(params.data).labelledPoints) {
    case 'balancedDigits':
      return digitsPoints(params);
    case 'tableRows': {
      // Features as they are (the engine standardises them); the test share only orders the rows.
      const table = await datasetFromParams({ ...params, task: 'classification', std: false }, assets);
      return pointsOfDataset(table, params.n);
    }
    case undefined:
      throw new DataError(
        `Deep RFM needs points with class labels: data must be ${labelledSources().join(', ')}, not ${params.data}.`,
      );
  }
}
