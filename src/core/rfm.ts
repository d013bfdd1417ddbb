/**
 * The RFM loop (SPEC-rfm.md): for t = 0..T, kernel -> solve -> predict -> spectrum, then the AGOP gives
 * M_{t+1}. Yields one IterationRecord per solve; iteration 0 is the plain kernel machine (M = I).
 *
 * Pure tfjs on whatever backend is active: no DOM, no store, so it runs in the worker and in Node.
 * Every tensor it makes is disposed before the next iteration, also when the consumer stops early.
 */
import * as tf from '@tensorflow/tfjs';
import { BATCH_FLOATS, gradientOuterProductSum, sandwich } from './agop';
import { disposeMetricPoints, pairwiseSquaredDistances, prepareMetricPoints, type MetricPoints } from './distance';
import { createKernel } from './kernels';
import { symmetricEigen } from './linalg/symmetricEigen';
import { accuracy, confusionMatrix, meanSquaredError, rSquared } from './metrics';
import { TrainedModel } from './model';
import { findOneHotGroups, oneHotIsCheaper } from './oneHotGroups';
import { predictAt } from './predict';
import { createRandom, permutation } from './random';
import { solveKernelSystem } from './solve';
import { topKernelEigenvalues } from './spectrum';
import type { Dataset, IterationRecord, Phase, PhaseTimings, RfmOptions } from './types';
export { DEFAULT_RFM_OPTIONS } from './defaults';
import { updateFeatureMatrix } from './update';

/** How many top eigenvectors of M each record carries. */
const RECORDED_EIGENVECTORS = 4;

export interface Progress {
  iteration: number;
  phase: Phase;
  /** Fraction of the phase done, 0..1. */
  fraction: number;
}

export interface TrainHooks {
  /** Awaited before each phase and between AGOP batches. Throw from it to cancel; await in it to pause. */
  checkpoint?: (progress: Progress) => Promise<void>;
  /** Receives the final model (M_T and its alpha) after the last iteration; the receiver owns it. */
  retainModel?: (model: TrainedModel) => void;
}

export function identityMatrix(d: number): Float64Array {
  const m = new Float64Array(d * d);
  for (let i = 0; i < d; i++) m[i * d + i] = 1;
  return m;
}

function validate(data: Dataset, options: RfmOptions): void {
  if (data.nTrain < 1) throw new Error('the training set is empty');
  if (data.xTrain.length !== data.nTrain * data.d) throw new Error('xTrain does not have nTrain x d values');
  if (data.yTrain.length !== data.nTrain * data.c) throw new Error('yTrain does not have nTrain x c values');
  if (data.xTest.length !== data.nTest * data.d || data.yTest.length !== data.nTest * data.c)
    throw new Error('the test set does not have nTest x d inputs and nTest x c targets');
  if (!(options.ridge >= 0)) throw new Error(`invalid ridge: ${options.ridge} (must be >= 0)`);
  if (!Number.isInteger(options.iterations) || options.iterations < 0)
    throw new Error(`invalid iterations: ${options.iterations}`);
  for (const [name, values] of [
    ['training inputs', data.xTrain],
    ['training targets', data.yTrain],
    ['test inputs', data.xTest],
    ['test targets', data.yTest],
  ] as const) {
    if (!values.every(Number.isFinite)) throw new Error(`the ${name} contain NaN or infinite values`);
  }
}

/** Live tensors and bytes; on WebGPU also the bytes its buffer pool holds (it never shrinks, so it must stay flat). */
function tensorMemory(): IterationRecord['memory'] {
  const memory = tf.memory() as tf.MemoryInfo & { numBytesAllocatedInGPU?: number };
  return { tensors: memory.numTensors, bytes: memory.numBytes, gpuBytes: memory.numBytesAllocatedInGPU ?? null };
}

/** The one-hot group sizes the data's layout promises (checked against the data before use). */
function oneHotGroupSizes(data: Dataset): number[] {
  const layout = data.layout;
  if (layout?.kind === 'modular') return [layout.p, layout.p];
  if (layout?.kind === 'text') return Array.from({ length: layout.k }, () => layout.vocabulary.length);
  return [];
}

/** Eigenvalues and the top eigenvectors of M. */
function describeFeatureMatrix(m: Float64Array, d: number): Pick<IterationRecord, 'mEigenvalues' | 'mEigenvectors'> {
  const { values, vectors } = symmetricEigen(m, d);
  const mEigenvectors: Float64Array[] = [];
  for (let k = 0; k < Math.min(d, RECORDED_EIGENVECTORS); k++) {
    const v = new Float64Array(d);
    for (let i = 0; i < d; i++) v[i] = vectors[i * d + k]!;
    mEigenvectors.push(v);
  }
  return { mEigenvalues: values, mEigenvectors };
}

export async function* trainRfm(
  data: Dataset,
  options: RfmOptions,
  hooks: TrainHooks = {},
): AsyncGenerator<IterationRecord, void, undefined> {
  validate(data, options);
  const kernel = createKernel(options.kernel, options.bandwidth, options.exponent);
  const { nTrain: n, nTest, d, c } = data;
  const random = createRandom(options.seed);
  const sample = options.agopSampleSize > 0 && options.agopSampleSize < n ? options.agopSampleSize : n;
  const agopRows =
    sample === n ? Int32Array.from({ length: n }, (_, i) => i) : permutation(n, random).slice(0, sample).sort();
  const checkpoint = async (iteration: number, phase: Phase, fraction = 0): Promise<void> => {
    await hooks.checkpoint?.({ iteration, phase, fraction });
  };

  const groups = findOneHotGroups(data.xTrain, n, d, oneHotGroupSizes(data));
  const oneHotGroups = groups && oneHotIsCheaper(groups, sample, n, c) ? groups : null;
  const xTrain = tf.tensor2d(data.xTrain, [n, d]);
  const yTrain = tf.tensor2d(data.yTrain, [n, c]);
  const xTest = nTest > 0 ? tf.tensor2d(data.xTest, [nTest, d]) : null;
  let m = identityMatrix(d);
  let agopTime = 0;
  try {
    for (let t = 0; t <= options.iterations; t++) {
      const timings: PhaseTimings = { agop: agopTime, kernel: 0, solve: 0, predict: 0, spectrum: 0 };
      const owned: tf.Tensor[] = [];
      let train: MetricPoints | null = null;
      let test: MetricPoints | null = null;
      try {
        await checkpoint(t, 'kernel');
        let clock = performance.now();
        const mTensor = tf.tensor2d(Float32Array.from(m), [d, d]);
        owned.push(mTensor);
        train = prepareMetricPoints(xTrain, mTensor);
        const d2 = pairwiseSquaredDistances(train, train, true);
        const k = kernel.value(d2) as tf.Tensor2D;
        owned.push(k);
        // Kept for the AGOP when it can use all pairs at once; otherwise freed now to bound memory.
        const allPairs = n * n <= BATCH_FLOATS ? { k, d2 } : undefined;
        if (allPairs) owned.push(d2);
        else d2.dispose();
        const kValues = (await k.data()) as Float32Array;
        timings.kernel = performance.now() - clock;

        await checkpoint(t, 'solve');
        clock = performance.now();
        const solution = await solveKernelSystem(k, yTrain, options.ridge, kValues);
        owned.push(solution.alpha);
        timings.solve = performance.now() - clock;

        await checkpoint(t, 'predict');
        clock = performance.now();
        const trainPredTensor = tf.matMul(k, solution.alpha);
        const trainPred = (await trainPredTensor.data()) as Float32Array;
        trainPredTensor.dispose();
        let testPred: Float32Array | null = null;
        if (xTest) {
          test = prepareMetricPoints(xTest, mTensor);
          testPred = await predictAt(kernel, test, train, solution.alpha);
        }
        timings.predict = performance.now() - clock;

        await checkpoint(t, 'spectrum');
        clock = performance.now();
        const kernelEigenvalues = await topKernelEigenvalues(k, options.spectrumSize, createRandom(options.seed + t));
        timings.spectrum = performance.now() - clock;

        const trainMse = meanSquaredError(trainPred, data.yTrain);
        if (!Number.isFinite(trainMse))
          throw new Error(
            `the model diverged at iteration ${t}: predictions are not finite (try a larger bandwidth or ridge)`,
          );
        const regression = data.accuracy === 'none' || data.accuracy === 'sign';
        yield {
          iteration: t,
          d,
          M: Float64Array.from(m), // a copy: the record may be transferred while m is still in use
          ...describeFeatureMatrix(m, d),
          trainMse,
          testMse: testPred ? meanSquaredError(testPred, data.yTest) : null,
          trainAccuracy: accuracy(trainPred, data.yTrain, c, data.accuracy),
          testAccuracy: testPred ? accuracy(testPred, data.yTest, c, data.accuracy) : null,
          trainR2: regression ? rSquared(trainPred, data.yTrain, c) : null,
          testR2: regression && testPred ? rSquared(testPred, data.yTest, c) : null,
          kernelEigenvalues,
          timings,
          backend: tf.getBackend(),
          jitter: solution.jitter,
          solveResidual: solution.relativeResidual,
          testConfusion: testPred && data.accuracy === 'argmax' ? confusionMatrix(testPred, data.yTest, c) : null,
          memory: tensorMemory(),
        };

        if (t === options.iterations && hooks.retainModel)
          hooks.retainModel(new TrainedModel(kernel, xTrain.clone(), solution.alpha.clone(), mTensor.clone()));

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
            betweenBatches: (fraction) => checkpoint(t + 1, 'agop', fraction),
          });
          m = updateFeatureMatrix(sandwich(m, gram, d), d, agopRows.length, options.convention, options.diagonal);
          if (!m.every(Number.isFinite))
            throw new Error(`the feature matrix diverged at iteration ${t + 1}: M has non-finite entries`);
          agopTime = performance.now() - clock;
        }
      } finally {
        if (train) disposeMetricPoints(train);
        if (test) disposeMetricPoints(test);
        owned.forEach((tensor) => tensor.dispose());
      }
    }
  } finally {
    xTrain.dispose();
    yTrain.dispose();
    xTest?.dispose();
  }
}
