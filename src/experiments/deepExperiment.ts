/**
 * Deep RFM from the schema's parameters (docs/deeprfm.md): the engine's options, and its labelled points
 * from the data parameter. digits: floor(n / 10) images per digit (balanced, seeded) of px x px pixels;
 * iris and csv: the table through the app's tabular pipeline (task classification, features as they are:
 * the engine standardises), all rows up to n. Every point is used: Deep RFM measures collapse on the points
 * it fits, there is no test set.
 */
import type { DeepData, DeepRfmOptions } from '../core/deep/deepTypes';
import type { Dataset } from '../core/types';
import { DataError } from '../data/errors';
import { loadBalancedDigits } from '../data/sources/balancedDigits';
import { downsample, poolingWeights, MNIST_SIDE } from '../data/sources/digits';
import type { DataAssets } from '../data/sources/source';
import { loadIrisDataset } from '../data/sources/iris';
import { datasetFromCsvText } from '../data/table/tableDataset';
import { DEEP_DATA_KINDS } from '../params/deepParams';
import type { Params } from '../params/schema';

export function deepOptionsFromParams(params: Params): DeepRfmOptions {
  return { depth: params.depth, width: params.rwidth, bandwidth: params.L, ridge: params.lambda, seed: params.seed };
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
  const tabular = { target: params.target, task: 'classification' as const, standardise: false, seed: params.seed };
  switch (params.data) {
    case 'digits':
      return digitsPoints(params);
    case 'iris':
      return pointsOfDataset(await loadIrisDataset({ ...tabular, testShare: params.split }), params.n);
    case 'csv':
      if (!assets.csv) throw new DataError('Deep RFM on a CSV needs the file (rfm preset ... --csv FILE).');
      return pointsOfDataset(
        datasetFromCsvText(assets.csv.name, assets.csv.text, { ...tabular, testShare: params.split }),
        params.n,
      );
    default:
      throw new DataError(
        `Deep RFM needs points with class labels: data must be ${DEEP_DATA_KINDS.join(', ')}, not ${params.data}.`,
      );
  }
}
