/**
 * The RFM loop (docs/algorithm.md): for t = 0..T, kernel -> solve -> predict -> spectrum, then the AGOP gives
 * M_{t+1}. Yields one IterationRecord per solve; iteration 0 is the plain kernel machine (M = I).
 *
 * Inputs are centred by the mean of the fitted training points before any distance is formed (inputs.ts),
 * so results do not move when all features are shifted. With a validation split each record carries the
 * validation MSE and the best iteration so far; early stopping ends the run once the validation MSE is worse
 * than the best x 1.1, and the kept model is the best iteration's.
 *
 * Pure tfjs on whatever backend is active: no DOM, no store, so it runs in the worker and in Node.
 * Every tensor it makes is disposed before the next iteration, also when the consumer stops early or a
 * checkpoint throws.
 */
import * as tf from '@tensorflow/tfjs';
import { BATCH_FLOATS, gradientOuterProductSum, sandwich } from './agop';
import { BestIteration } from './bestIteration';
import { disposeMetricPoints, pairwiseSquaredDistances, prepareMetricPoints, type MetricPoints } from './distance';
import { columnMeans, splitValidation, subtractMean } from './inputs';
import { createKernel } from './kernels/kernelRegistry';
import { accuracy, confusionMatrix, meanSquaredError, rSquared } from './metrics';
import { TrainedModel } from './model';
import { findOneHotGroups, oneHotIsCheaper } from './oneHotGroups';
import { readFloat32 } from './linalg/readValues';
import { predictAt } from './predict';
import { createRandom, permutation } from './random';
import {
  describeFeatureMatrix,
  featureMatrixProblem,
  identityMatrix,
  oneHotGroupSizes,
  tensorMemory,
  validate,
} from './runChecks';
import { solveKernelSystem } from './solve';
import { createWarmStart, disposeWarmStart } from './warmSolve';
import { regressionTargetScale, scaledTarget, unscalePredictions } from './targetScale';
import { kernelSpectrum } from './spectrum';
import type { Dataset, IterationRecord, IterationSnapshot, Phase, PhaseTimings, RfmOptions } from './types';
export { DEFAULT_RFM_OPTIONS } from './defaults';
export { identityMatrix };
import { updateFeatureMatrix } from './update';

export interface Progress {
  iteration: number;
  phase: Phase;
  /** Fraction of the phase done, 0..1. */
  fraction: number;
}

export interface TrainHooks {
  /** Awaited before each phase and between AGOP batches. Throw from it to cancel; await in it to pause. */
  checkpoint?: (progress: Progress) => Promise<void>;
  /**
   * Receives the model to predict with when the run ends (M_T and its alpha, or the best iteration's with a
   * validation split); the receiver owns it.
   */
  retainModel?: (model: TrainedModel) => void;
  /** Floats per AGOP batch (tests lower it to exercise batching at small n). */
  agopBatchFloats?: number;
  /**
   * Receives each iteration's model as CPU copies, so a view can evaluate any iteration later (the predictor
   * panel, docs/predictor.md) without the engine keeping tensors alive.
   */
  keepIteration?: (snapshot: IterationSnapshot) => void;
  /**
   * Solve each iteration from the previous factor and alpha (warmSolve.ts) instead of factoring again. Off by
   * default: it measured slower on every bench case (docs/algorithm.md, step 2); kept for measuring again.
   */
  warmSolve?: boolean;
}

export async function* trainRfm(
  data: Dataset,
  options: RfmOptions,
  hooks: TrainHooks = {},
): AsyncGenerator<IterationRecord, void, undefined> {
  validate(data, options);
  const kernel = createKernel(options.kernel, options.bandwidth, options.exponent);
  const { nTest, d, c } = data;
  const { fit, validation } = splitValidation(data, options.validationFraction, options.seed);
  const n = fit.n;
  const random = createRandom(options.seed);
  const sample = options.agopSampleSize > 0 && options.agopSampleSize < n ? options.agopSampleSize : n;
  const agopRows =
    sample === n ? Int32Array.from({ length: n }, (_, i) => i) : permutation(n, random).slice(0, sample).sort();
  const checkpoint = async (iteration: number, phase: Phase, fraction = 0): Promise<void> => {
    await hooks.checkpoint?.({ iteration, phase, fraction });
  };

  const groups = findOneHotGroups(fit.x, n, d, oneHotGroupSizes(data));
  const oneHotGroups = groups && oneHotIsCheaper(groups, sample, n, c) ? groups : null;
  const mean = columnMeans(fit.x, n, d);
  const xFitCentred = subtractMean(fit.x, mean);
  const xTrain = tf.tensor2d(xFitCentred, [n, d]);
  // Regression targets are trained divided by their RMS, predictions multiplied back (targetScale.ts).
  const targetScale = regressionTargetScale(fit.y, data.accuracy);
  const yTrain = tf.tensor2d(scaledTarget(fit.y, targetScale), [n, c]);
  const xTest = nTest > 0 ? tf.tensor2d(subtractMean(data.xTest, mean), [nTest, d]) : null;
  const xValidation = validation ? tf.tensor2d(subtractMean(validation.x, mean), [validation.n, d]) : null;
  const best = new BestIteration();
  /** The model to keep when the run ends: the latest iteration's, or the best one's with a validation split. */
  let kept: { alpha: tf.Tensor2D; m: tf.Tensor2D } | null = null;
  let m = identityMatrix(d);
  let agopTime = 0;
  /** The previous kernel's Ritz vectors: each spectrum starts from them (spectrum.ts). */
  let spectrumBasis: tf.Tensor2D | null = null;
  /** The previous solve's factor and alpha, when later iterations are to solve from them (warmSolve.ts). */
  const warm = hooks.warmSolve ? createWarmStart() : undefined;
  /** K's values on the CPU, one array for every iteration (linalg/readValues.ts); only the solve reads it. */
  let kValues: Float32Array | undefined;
  try {
    for (let t = 0; t <= options.iterations; t++) {
      const timings: PhaseTimings = { agop: agopTime, kernel: 0, solve: 0, predict: 0, spectrum: 0 };
      const owned: tf.Tensor[] = [];
      const points: MetricPoints[] = [];
      try {
        await checkpoint(t, 'kernel');
        let clock = performance.now();
        const mTensor = tf.tensor2d(Float32Array.from(m), [d, d]);
        owned.push(mTensor);
        const train = prepareMetricPoints(xTrain, mTensor);
        points.push(train);
        const d2 = pairwiseSquaredDistances(train, train, true);
        const k = kernel.value(d2) as tf.Tensor2D;
        owned.push(k);
        // Kept for the AGOP when it can use all pairs at once; otherwise freed now to bound memory.
        const allPairs = n * n <= (hooks.agopBatchFloats ?? BATCH_FLOATS) ? { k, d2 } : undefined;
        if (allPairs) owned.push(d2);
        else d2.dispose();
        kValues = await readFloat32(k, kValues);
        // Mean squared M-distance of the centred points from their mean: ~0 when M has collapsed.
        const spreadTensor = tf.tidy(() => tf.mean(tf.slice(train.left, [0, d], [n, 1])));
        const spread = (await spreadTensor.data())[0]!;
        spreadTensor.dispose();
        timings.kernel = performance.now() - clock;

        await checkpoint(t, 'solve');
        clock = performance.now();
        const solution = await solveKernelSystem(k, yTrain, options.ridge, kValues, warm);
        owned.push(solution.alpha);
        timings.solve = performance.now() - clock;

        await checkpoint(t, 'predict');
        clock = performance.now();
        const trainPredTensor = tf.matMul(k, solution.alpha);
        owned.push(trainPredTensor);
        // A copy: a backend may hand out the tensor's own storage.
        const trainPred = unscalePredictions(Float32Array.from(await trainPredTensor.data()), targetScale);
        const predictOthers = async (x: tf.Tensor2D | null): Promise<Float32Array | null> => {
          if (!x) return null;
          const others = prepareMetricPoints(x, mTensor);
          points.push(others);
          return unscalePredictions(await predictAt(kernel, others, train, solution.alpha), targetScale);
        };
        const testPred = await predictOthers(xTest);
        const validationPred = await predictOthers(xValidation);
        timings.predict = performance.now() - clock;

        await checkpoint(t, 'spectrum');
        clock = performance.now();
        const spectrum = await kernelSpectrum(k, options.spectrumSize, createRandom(options.seed + t), spectrumBasis);
        spectrumBasis?.dispose();
        spectrumBasis = spectrum.basis;
        const kernelEigenvalues = spectrum.values;
        timings.spectrum = performance.now() - clock;

        const trainMse = meanSquaredError(trainPred, fit.y);
        if (!Number.isFinite(trainMse))
          throw new Error(
            `the model diverged at iteration ${t}: predictions are not finite (try a larger bandwidth or ridge)`,
          );
        const validationMse = validation && validationPred ? meanSquaredError(validationPred, validation.y) : null;
        const isBest = validationMse === null || best.observe(t, validationMse);
        const problem = featureMatrixProblem(t, spread, options.bandwidth);
        if (hooks.retainModel && isBest) {
          if (kept) tf.dispose([kept.alpha, kept.m]);
          // In the target's own units, so the kept model predicts in them.
          kept = { alpha: tf.mul(solution.alpha, targetScale) as tf.Tensor2D, m: mTensor.clone() };
        }
        hooks.keepIteration?.({
          iteration: t,
          m: Float64Array.from(m),
          alpha: Float32Array.from(solution.alphaValues, (v) => v * targetScale),
          xFit: xFitCentred,
          mean: Float32Array.from(mean),
          n,
        });
        const regression = data.accuracy === 'none' || data.accuracy === 'sign';
        yield {
          iteration: t,
          d,
          M: Float64Array.from(m), // a copy: the record may be transferred while m is still in use
          ...describeFeatureMatrix(m, d),
          trainMse,
          testMse: testPred ? meanSquaredError(testPred, data.yTest) : null,
          trainAccuracy: accuracy(trainPred, fit.y, c, data.accuracy),
          testAccuracy: testPred ? accuracy(testPred, data.yTest, c, data.accuracy) : null,
          trainR2: regression ? rSquared(trainPred, fit.y, c) : null,
          testR2: regression && testPred ? rSquared(testPred, data.yTest, c) : null,
          validationMse,
          validationAccuracy:
            validation && validationPred ? accuracy(validationPred, validation.y, c, data.accuracy) : null,
          bestIteration: best.iteration,
          featureMatrixProblem: problem,
          kernelEigenvalues,
          timings,
          backend: tf.getBackend(),
          jitter: solution.jitter,
          solveResidual: solution.relativeResidual,
          testConfusion: testPred && data.accuracy === 'argmax' ? confusionMatrix(testPred, data.yTest, c) : null,
          memory: tensorMemory(),
        };
        if (problem !== null) break;
        if (options.earlyStopping && validationMse !== null && best.isMuchWorse(validationMse)) break;

        if (t < options.iterations) {
          await checkpoint(t + 1, 'agop');
          clock = performance.now();
          const gram = await gradientOuterProductSum({
            kernel,
            points: train,
            alpha: solution.alpha,
            rows: agopRows,
            centering: options.centering,
            allPairs,
            oneHotGroups: oneHotGroups ?? undefined,
            batchFloats: hooks.agopBatchFloats,
            betweenBatches: (fraction) => checkpoint(t + 1, 'agop', fraction),
          });
          m = updateFeatureMatrix(sandwich(m, gram, d), d, agopRows.length, options.convention, options.diagonal);
          if (!m.every(Number.isFinite))
            throw new Error(`the feature matrix diverged at iteration ${t + 1}: M has non-finite entries`);
          agopTime = performance.now() - clock;
        }
      } finally {
        points.forEach(disposeMetricPoints);
        owned.forEach((tensor) => tensor.dispose());
      }
    }
    if (kept && hooks.retainModel) {
      hooks.retainModel(new TrainedModel(kernel, xTrain.clone(), kept.alpha, kept.m, Float32Array.from(mean)));
      kept = null;
    }
  } finally {
    if (warm) disposeWarmStart(warm);
    spectrumBasis?.dispose();
    if (kept) tf.dispose([kept.alpha, kept.m]);
    tf.dispose([xTrain, yTrain]);
    xTest?.dispose();
    xValidation?.dispose();
  }
}
