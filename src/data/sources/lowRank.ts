/**
 * The low-rank source: the target of the original RFM notebook (docs/algorithm.md, "Presets"),
 * f(x) = x1 x2 1{x6 > 0} with x ~ N(0, 0.5^2 I). Seeded like ./synthetic.ts (the same input streams).
 */
import type { Random } from '../../core/random';
import type { Dataset } from '../../core/types';
import { DataError } from '../errors';
import { describeNumber, featureNames, requireInteger, requireSeed, sampleInputs, streamRandom } from '../sampling';
import { type DataSource } from './source';

export interface LowRankDatasetOptions {
  /** Input dimension, at least 6 (default 20). */
  d?: number;
  /** Default 4000, as in the notebook. */
  nTrain?: number;
  /** Default 4000. */
  nTest?: number;
  seed?: number;
}

/** Standard deviation of each input coordinate. */
const LOW_RANK_INPUT_SCALE = 0.5;

export function makeLowRankDataset(options: LowRankDatasetOptions = {}): Dataset {
  const { d = 20, nTrain = 4000, nTest = 4000, seed = 0 } = options;
  if (!Number.isInteger(d) || d < 6)
    throw new DataError(`The low-rank target x1 x2 1{x6 > 0} needs d >= 6 inputs, not ${describeNumber(d)}.`);
  requireInteger('The number of training points', nTrain, 1);
  requireInteger('The number of test points', nTest, 0);
  requireSeed(seed);
  const target = (x: Float32Array, n: number): Float32Array => {
    const y = new Float32Array(n);
    for (let i = 0; i < n; i++) y[i] = x[i * d + 5]! > 0 ? x[i * d]! * x[i * d + 1]! : 0;
    return y;
  };
  const gaussian = (random: Random) => () => LOW_RANK_INPUT_SCALE * random.normal();
  const xTrain = sampleInputs(nTrain, d, gaussian(streamRandom(seed, 'trainInputs')));
  const xTest = sampleInputs(nTest, d, gaussian(streamRandom(seed, 'testInputs')));
  return {
    xTrain,
    yTrain: target(xTrain, nTrain),
    xTest,
    yTest: target(xTest, nTest),
    nTrain,
    nTest,
    d,
    c: 1,
    accuracy: 'none',
    featureNames: featureNames(d),
  };
}

export const lowrank: DataSource = {
  build: async (params) =>
    makeLowRankDataset({ d: params.d, nTrain: params.n, nTest: params.ntest, seed: params.seed }),
};
