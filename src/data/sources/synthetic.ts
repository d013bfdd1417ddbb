/**
 * The synthetic source: a seeded regression data set for a typed target expression over Gaussian or
 * uniform inputs (docs/algorithm.md, "Presets"). The same options always give the same arrays: inputs, test
 * inputs and noise each come from their own stream derived from the seed, so changing nTrain or the noise
 * level leaves the test inputs unchanged.
 */
import type { Random } from '../../core/random';
import type { Dataset } from '../../core/types';
import { DataError } from '../errors';
import { compileTarget, type CompiledTarget } from '../expression';
import { describeNumber, featureNames, requireInteger, requireSeed, sampleInputs, streamRandom } from '../sampling';
import { type DataSource } from './source';

/** The seed article's target. */
export const SEED_TARGET_EXPRESSION = '5*x1^3 + 10*x2^2 + 2*x3';

export type InputDistribution = 'normal' | 'uniform';

export interface RegressionDatasetOptions {
  /** Target over x1..xd, e.g. SEED_TARGET_EXPRESSION. */
  expression: string;
  d: number;
  nTrain: number;
  nTest: number;
  /** normal: N(0, 1) per coordinate; uniform: U[-1, 1]. */
  distribution: InputDistribution;
  /** Standard deviation of the Gaussian noise added to the training targets (test targets stay clean). */
  noise: number;
  seed: number;
}

/** f at each row of x [n, d], evaluated on the float32 inputs the model will see. */
function evaluateTarget(
  target: CompiledTarget,
  x: Float32Array,
  n: number,
  d: number,
  source: string,
  split: string,
): Float32Array {
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const value = target.evaluate(x, i * d);
    if (!Number.isFinite(value)) {
      const point = target.variables.map((k) => `x${k} = ${x[i * d + k - 1]!.toPrecision(4)}`).join(', ');
      throw new DataError(
        `The target ${source} is ${value} at ${split} point ${i + 1}${point ? ` (${point})` : ''}; ` +
          'choose a target that is finite for every input (for example abs(...) inside sqrt or log).',
      );
    }
    y[i] = value;
  }
  return y;
}

/** Regression data for a target expression over x1..xd. Throws DataError (or ExpressionError) on bad options. */
export function makeRegressionDataset(options: RegressionDatasetOptions): Dataset {
  const { expression, d, nTrain, nTest, distribution, noise, seed } = options;
  requireInteger('The input dimension d', d, 1);
  requireInteger('The number of training points', nTrain, 1);
  requireInteger('The number of test points', nTest, 0);
  requireSeed(seed);
  if (distribution !== 'normal' && distribution !== 'uniform')
    throw new DataError(`Unknown input distribution ${describeNumber(distribution)}; use normal or uniform.`);
  if (!Number.isFinite(noise) || noise < 0)
    throw new DataError(`The noise level must be a standard deviation >= 0, not ${describeNumber(noise)}.`);
  const target = compileTarget(expression, d);

  const sampler = (random: Random): (() => number) =>
    distribution === 'normal' ? random.normal : () => 2 * random.uniform() - 1;
  const xTrain = sampleInputs(nTrain, d, sampler(streamRandom(seed, 'trainInputs')));
  const xTest = sampleInputs(nTest, d, sampler(streamRandom(seed, 'testInputs')));
  const yTrain = evaluateTarget(target, xTrain, nTrain, d, expression, 'training');
  const yTest = evaluateTarget(target, xTest, nTest, d, expression, 'test');
  if (noise > 0) {
    const random = streamRandom(seed, 'noise');
    for (let i = 0; i < nTrain; i++) yTrain[i] = yTrain[i]! + noise * random.normal();
  }
  return { xTrain, yTrain, xTest, yTest, nTrain, nTest, d, c: 1, accuracy: 'none', featureNames: featureNames(d) };
}

export const synthetic: DataSource = {
  build: async (params) =>
    makeRegressionDataset({
      expression: params.expr,
      d: params.d,
      nTrain: params.n,
      nTest: params.ntest,
      distribution: params.dist,
      noise: params.noise,
      seed: params.seed,
    }),
  truth: (params) => {
    const target = compileTarget(params.expr, params.d);
    return (x, offset) => target.evaluate(x, offset);
  },
};
