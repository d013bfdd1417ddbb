/**
 * Seeded synthetic regression data sets: a typed target expression over Gaussian or uniform inputs, and the
 * low-rank target of the original RFM notebook (SPEC-rfm.md, "Presets"). The same options always give the
 * same arrays: inputs, test inputs and noise each come from their own stream derived from the seed, so
 * changing nTrain or the noise level leaves the test inputs unchanged.
 */
import { createRandom, type Random } from '../core/random';
import type { Dataset } from '../core/types';
import { DataError } from './errors';
import { compileTarget, type CompiledTarget } from './expression';

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

export interface LowRankDatasetOptions {
  /** Input dimension, at least 6 (default 20). */
  d?: number;
  /** Default 4000, as in the notebook. */
  nTrain?: number;
  /** Default 4000. */
  nTest?: number;
  seed?: number;
}

type Stream = 'trainInputs' | 'testInputs' | 'noise';
const STREAM_INDEX: Record<Stream, number> = { trainInputs: 1, testInputs: 2, noise: 3 };

/** An independent generator per purpose, derived from the user's seed. */
function streamRandom(seed: number, stream: Stream): Random {
  return createRandom((Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(STREAM_INDEX[stream], 0x85ebca6b)) >>> 0);
}

function describeNumber(value: unknown): string {
  return typeof value === 'number' ? String(value) : JSON.stringify(value);
}

function requireInteger(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min)
    throw new DataError(`${name} must be an integer >= ${min}, not ${describeNumber(value)}.`);
}

function requireSeed(seed: number): void {
  if (!Number.isInteger(seed)) throw new DataError(`The seed must be an integer, not ${describeNumber(seed)}.`);
}

/** [n, d] inputs, each coordinate drawn by `draw`. */
function sampleInputs(n: number, d: number, draw: () => number): Float32Array {
  const x = new Float32Array(n * d);
  for (let i = 0; i < x.length; i++) x[i] = draw();
  return x;
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

function featureNames(d: number): string[] {
  return Array.from({ length: d }, (_, k) => `x${k + 1}`);
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

/** Standard deviation of each input coordinate of the low-rank preset. */
const LOW_RANK_INPUT_SCALE = 0.5;

/** The notebook's low-rank target f(x) = x1 x2 1{x6 > 0}, x ~ N(0, 0.5^2 I). */
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
