/**
 * Runs the engine on a golden fixture and measures its distance from the float64 reference:
 * the whole trainRfm trajectory, and single steps started from the reference M_t (which isolate one
 * iteration's error from the errors carried over from earlier iterations).
 */
import * as tf from '@tensorflow/tfjs';
import { regressionTargetScale, scaledTarget, unscalePredictions } from '../targetScale';
import { gradientOuterProductSum, sandwich } from '../agop';
import { disposeMetricPoints, pairwiseSquaredDistances, prepareMetricPoints } from '../distance';
import { createKernel } from '../kernels/kernelRegistry';
import { meanSquaredError } from '../metrics';
import { predictAt } from '../predict';
import { trainRfm } from '../rfm';
import { solveKernelSystem } from '../solve';
import type { IterationRecord, RfmOptions } from '../types';
import { updateFeatureMatrix } from '../update';
import { fixtureDataset, flat64, relativeError, type FixtureIteration, type RfmFixture } from './fixtures';

export interface EngineRun {
  records: IterationRecord[];
  /** tf.memory().numTensors when each record was yielded. */
  tensorsAtYield: number[];
  tensorsBefore: number;
  tensorsAfter: number;
}

export async function runEngine(fixture: RfmFixture, overrides: Partial<RfmOptions> = {}): Promise<EngineRun> {
  const tensorsBefore = tf.memory().numTensors;
  const records: IterationRecord[] = [];
  const tensorsAtYield: number[] = [];
  for await (const record of trainRfm(fixtureDataset(fixture), { ...fixture.options, ...overrides })) {
    records.push(record);
    tensorsAtYield.push(tf.memory().numTensors);
  }
  return { records, tensorsAtYield, tensorsBefore, tensorsAfter: tf.memory().numTensors };
}

/** Mean of Y^2 over all entries: the scale against which MSE differences are measured. */
export function meanSquare(rows: number[][]): number {
  const v = rows.flat();
  return v.reduce((s, x) => s + x * x, 0) / v.length;
}

export interface TrajectoryErrors {
  iteration: number;
  /** ||M - M_ref||_F / ||M_ref||_F */
  M: number;
  /** |mse - mse_ref| / (mse_ref + 1e-5 mean(Y^2)): relative, with a floor for interpolating fits. */
  trainMse: number;
  testMse: number;
  /** max_k |lambda_k - lambda_k,ref| / lambda_k,ref over the recorded top eigenvalues. */
  kernelEigenvalues: number;
  /** |accuracy - accuracy_ref| (0 when the fixture has none). */
  testAccuracy: number;
}

function mseError(value: number | null, reference: number | null, scale: number): number {
  if (reference === null || value === null) return value === reference ? 0 : Infinity;
  return Math.abs(value - reference) / (reference + 1e-5 * scale);
}

export function eigenvalueError(values: ArrayLike<number>, reference: number[]): number {
  if (values.length < reference.length) return Infinity;
  let worst = 0;
  reference.forEach((r, k) => (worst = Math.max(worst, Math.abs((values[k] as number) - r) / r)));
  return worst;
}

export function trajectoryErrors(fixture: RfmFixture, records: IterationRecord[]): TrajectoryErrors[] {
  const yScale = meanSquare(fixture.data.yTrain);
  const yTestScale = fixture.data.nTest > 0 ? meanSquare(fixture.data.yTest) : yScale;
  return fixture.iterations.map((ref, t) => {
    const rec = records[t];
    if (!rec) throw new Error(`the engine made ${records.length} solves, the fixture has ${fixture.iterations.length}`);
    return {
      iteration: t,
      M: relativeError(rec.M, flat64(ref.M)),
      trainMse: mseError(rec.trainMse, ref.trainMse, yScale),
      testMse: mseError(rec.testMse, ref.testMse, yTestScale),
      kernelEigenvalues: eigenvalueError(rec.kernelEigenvalues, ref.kernelEigenvalues),
      testAccuracy:
        ref.testAccuracy === null
          ? rec.testAccuracy === null
            ? 0
            : Infinity
          : Math.abs(rec.testAccuracy! - ref.testAccuracy),
    };
  });
}

export interface StepErrors {
  iteration: number;
  /** ||alpha - alpha_ref||_F / ||alpha_ref||_F */
  alpha: number;
  testMse: number;
  /** ||M_{t+1} - M_{t+1,ref}||_F / ||M_{t+1,ref}||_F (NaN at the last iteration). */
  nextM: number;
}

/**
 * One RFM step with the engine's pieces, started from the reference M_t: kernel, solve, test prediction,
 * AGOP and update, compared with the reference alpha_t, test MSE and M_{t+1}.
 */
export async function stepErrors(fixture: RfmFixture, t: number): Promise<StepErrors> {
  const { options, data } = fixture;
  const ref: FixtureIteration = fixture.iterations[t]!;
  const next = fixture.iterations[t + 1];
  const set = fixtureDataset(fixture);
  const kernel = createKernel(options.kernel, options.bandwidth, options.exponent);
  const { nTrain: n, nTest, d, c } = set;
  const mValues = flat64(ref.M);
  const x = tf.tensor2d(set.xTrain, [n, d]);
  const scale = regressionTargetScale(set.yTrain, set.accuracy); // as trainRfm trains (targetScale.ts)
  const y = tf.tensor2d(scaledTarget(set.yTrain, scale), [n, c]);
  const xTest = tf.tensor2d(set.xTest, [nTest, d]);
  const m = tf.tensor2d(Float32Array.from(mValues), [d, d]);
  const train = prepareMetricPoints(x, m);
  const test = prepareMetricPoints(xTest, m);
  const k = tf.tidy(() => kernel.value(pairwiseSquaredDistances(train, train, true))) as tf.Tensor2D;
  const solution = await solveKernelSystem(k, y, options.ridge);
  try {
    const testPred = unscalePredictions(await predictAt(kernel, test, train, solution.alpha), scale);
    let nextM = NaN;
    if (next) {
      const rows = Int32Array.from({ length: n }, (_, i) => i);
      const gram = await gradientOuterProductSum({
        kernel,
        points: train,
        alpha: solution.alpha,
        rows,
        centering: options.centering,
      });
      const updated = updateFeatureMatrix(sandwich(mValues, gram, d), d, n, options.convention, options.diagonal);
      nextM = relativeError(updated, flat64(next.M));
    }
    return {
      iteration: t,
      alpha: relativeError(solution.alphaValues, flat64(ref.alpha)),
      testMse: mseError(meanSquaredError(testPred, set.yTest), ref.testMse, meanSquare(data.yTest)),
      nextM,
    };
  } finally {
    solution.alpha.dispose();
    disposeMetricPoints(train);
    disposeMetricPoints(test);
    [x, y, xTest, m, k].forEach((tensor) => tensor.dispose());
  }
}
