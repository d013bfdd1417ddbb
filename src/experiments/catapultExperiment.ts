/**
 * The catapults experiment (docs/catapults.md): what the parameters mean for core/nn/catapult.ts. The data is
 * the synthetic target (params.expr over d inputs); the true AGOP E[grad f grad f^T] comes from the target's
 * gradient by central differences in float64. One run gives the per-step loss, NTK top eigenvalue and AGOP
 * alignment, the spikes of its loss with the alignment just before and just after each, and the test error.
 */
import { trainCatapult, type CatapultOptions, type CatapultStep } from '../core/nn/catapult';
import { catapultSpikes, type CatapultSpike } from '../core/nn/spikes';
import { DataError } from '../data/errors';
import { compileTarget } from '../data/expression';
import { makeRegressionDataset } from '../data/sources/synthetic';
import type { Params } from '../params/schema';

export { SETTLE_STEPS, catapultSpikes, type CatapultSpike } from '../core/nn/spikes';
export { catapultCaption } from './catapultCaption';

/** Points of the fixed batch the NTK's top eigenvalue is measured on, and power iterations per step. */
export const EIGEN_BATCH = 128;
const POWER_ITERATIONS = 8;
/** Step of the central differences for the true gradient. */
const GRADIENT_STEP = 1e-4;

/** E[grad f grad f^T] over the rows of x [n, d], f the expression, by central differences. */
export function expressionAgop(expression: string, x: Float32Array, n: number, d: number): Float64Array {
  const target = compileTarget(expression, d);
  const agop = new Float64Array(d * d);
  const point = new Float64Array(d);
  const gradient = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < d; a++) point[a] = x[i * d + a]!;
    for (let a = 0; a < d; a++) {
      const keep = point[a]!;
      point[a] = keep + GRADIENT_STEP;
      const up = target.evaluate(point, 0);
      point[a] = keep - GRADIENT_STEP;
      gradient[a] = (up - target.evaluate(point, 0)) / (2 * GRADIENT_STEP);
      point[a] = keep;
    }
    for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) agop[a * d + b]! += (gradient[a]! * gradient[b]!) / n;
  }
  return agop;
}

export interface CatapultRun {
  batchSize: number;
  lrScale: number;
  lr: number;
  /** 2 / lambda_max(K / b) at initialisation: the edge of stability of full-batch gradient descent. */
  criticalLr: number;
  steps: CatapultStep[];
  spikes: CatapultSpike[];
  finalAlignment: number;
  testMse: number;
}

/** The engine options the parameters ask for, with the batch size and step multiple given. */
export function catapultOptions(params: Params, batchSize: number, lrScale: number): CatapultOptions {
  return {
    width: params.nnwidth,
    lrScale,
    batchSize: Math.min(batchSize, params.n),
    steps: params.sgdsteps,
    seed: params.seed,
    eigenBatch: EIGEN_BATCH,
    powerIterations: POWER_ITERATIONS,
  };
}

/** What the app's worker hears as a run goes (worker/catapultRun.ts); the CLI passes none. */
export interface CatapultHooks {
  /** The learning rate, once the edge of stability at initialisation is measured. */
  started?: (lr: number, criticalLr: number) => void;
  /** Each step as it is measured (step 0 is the initialisation). */
  step?: (step: CatapultStep) => void;
  /** Awaited after each step: pause, one step at a time, or cancel (by throwing). */
  checkpoint?: () => Promise<void>;
}

/** One catapult run on the parameters' data at this batch size and learning-rate multiple. */
export async function runCatapult(
  params: Params,
  batchSize: number,
  lrScale: number,
  hooks: CatapultHooks = {},
): Promise<CatapultRun> {
  // The true AGOP comes from the expression's gradient: only the synthetic target has one.
  if (params.data !== 'synthetic')
    throw new DataError(`catapults train on the synthetic target (data=synthetic, expr), not data=${params.data}`);
  const data = makeRegressionDataset({
    expression: params.expr,
    d: params.d,
    nTrain: params.n,
    nTest: params.ntest,
    distribution: params.dist,
    noise: params.noise,
    seed: params.seed,
  });
  const { nTrain: n, d } = data;
  const options = catapultOptions(params, batchSize, lrScale);
  const steps: CatapultStep[] = [];
  let lr = NaN;
  let criticalLr = NaN;
  let testMse = NaN;
  const run = trainCatapult(
    {
      x: data.xTrain,
      y: data.yTrain,
      n,
      d,
      trueAgop: expressionAgop(params.expr, data.xTrain, n, d),
      test: { x: data.xTest, y: data.yTest, n: data.nTest },
    },
    options,
  );
  for await (const item of run) {
    if ('lr' in item) {
      ({ lr, criticalLr } = item);
      hooks.started?.(lr, criticalLr);
    } else if ('testMse' in item) testMse = item.testMse;
    else {
      steps.push(item);
      hooks.step?.(item);
      await hooks.checkpoint?.();
    }
  }
  const spikes = catapultSpikes(steps);
  return {
    batchSize: options.batchSize,
    lrScale,
    lr,
    criticalLr,
    steps,
    spikes,
    finalAlignment: steps.at(-1)?.alignment ?? NaN,
    testMse,
  };
}
