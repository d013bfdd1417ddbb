/**
 * The ConvRFM loop (docs/convrfm.md): for t = 0..T, the patch kernel K_M (one M of f x f shared by every q x q
 * patch position) -> solve -> predict, then the patch AGOP gives M_{t+1} = G^(1/2) scaled to trace f.
 * Iteration 0 is the fixed convolutional kernel (M = I). Yields one ConvIterationRecord per solve.
 *
 * The kernel and the AGOP depend on differences of patches at one position only, so centring each position's
 * patches (Gaussian) or leaving them raw (Laplace: blank patches stay at distance exactly 0) changes nothing
 * exactly (patchOperands.ts). Pure tfjs on the active backend (no
 * DOM), so it runs in a worker and in Node; every tensor it makes is freed before the next iteration, also
 * when the consumer stops early or a checkpoint throws.
 */
import * as tf from '@tensorflow/tfjs';
import { createKernel } from '../kernels/kernelRegistry';
import { accuracy, meanSquaredError } from '../metrics';
import { identityMatrix } from '../runChecks';
import { solveKernelSystem } from '../solve';
import type { Dataset } from '../types';
import { CONV_KERNELS, type ConvIterationRecord, type ConvPhase, type ConvRfmOptions } from './convTypes';
import { convFeatureMatrix } from './convUpdate';
import { patchFilters } from './filters';
import { patchGradientOuterProductSum } from './patchAgop';
import { patchKernelMatrix, type PatchKernel } from './patchKernel';
import {
  centrePatches,
  disposeOperands,
  prepareOperands,
  disposePatches,
  meanPatches,
  type PatchOperands,
} from './patchOperands';
import { extractPatches, patchGrid } from './patches';

export interface ConvProgress {
  iteration: number;
  phase: ConvPhase;
  fraction: number;
}

export interface ConvHooks {
  /** Awaited before each phase and between chunks of positions. Throw to cancel. */
  checkpoint?: (progress: ConvProgress) => Promise<void>;
  /**
   * Gaussian kernel from one exp of the log-kernel product (default true); false takes the general path
   * (squared distances, then the kernel's value and gradient weight), which tests compare against.
   */
  gaussianLogProduct?: boolean;
}

export function validateConv(data: Dataset, options: ConvRfmOptions): void {
  const { height, width, channels } = options.image;
  if (![height, width, channels].every((v) => Number.isInteger(v) && v >= 1))
    throw new Error(`invalid image shape ${height} x ${width} x ${channels}`);
  if (data.d !== height * width * channels)
    throw new Error(
      `the images have ${data.d} values each, not ${height} x ${width}${channels > 1 ? ` x ${channels}` : ''} = ${height * width * channels}`,
    );
  patchGrid(options.image, options.patch);
  if (!(CONV_KERNELS as readonly string[]).includes(options.kernel))
    throw new Error(`invalid kernel for ConvRFM: ${options.kernel} (one of ${CONV_KERNELS.join(', ')})`);
  if (!(options.ridge >= 0)) throw new Error(`invalid ridge: ${options.ridge}`);
  if (!Number.isInteger(options.iterations) || options.iterations < 0)
    throw new Error(`invalid number of iterations: ${options.iterations}`);
  if (data.nTrain < 1) throw new Error('ConvRFM needs at least one training image');
}

export async function* trainConvRfm(
  data: Dataset,
  options: ConvRfmOptions,
  hooks: ConvHooks = {},
): AsyncGenerator<ConvIterationRecord, void, undefined> {
  validateConv(data, options);
  const kernel = createKernel(options.kernel, options.bandwidth);
  const gaussian = options.kernel === 'gaussian';
  const kind: PatchKernel = {
    kernel,
    logProduct: gaussian && hooks.gaussianLogProduct !== false,
    floor: !gaussian,
  };
  const operandOptions = { scale: kind.logProduct ? -1 / (2 * options.bandwidth ** 2) : 1, floor: kind.floor };
  const { image, patch: q } = options;
  const { positions, features: f } = patchGrid(image, q);
  const { nTrain: n, nTest, c } = data;
  const checkpoint = async (iteration: number, phase: ConvPhase, fraction = 0) =>
    hooks.checkpoint?.({ iteration, phase, fraction });

  const trainRaw = extractPatches(data.xTrain, n, image, q);
  // Centred for the Gaussian only. With a 1/r weight the exact zeros between raw blank patches matter more:
  // on the 7 x 7 Laplace fixture centring raised M's error against float64 from 1e-6 to 7e-4.
  const mean = kind.floor ? new Float64Array(positions * f) : meanPatches(trainRaw, positions, n, f);
  const train0 = centrePatches(trainRaw, positions, n, f, mean);
  const test0 =
    nTest > 0 ? centrePatches(extractPatches(data.xTest, nTest, image, q), positions, nTest, f, mean) : null;
  const yTrain = tf.tensor2d(data.yTrain, [n, c]);
  let m = identityMatrix(f);
  let agopTime = 0;
  try {
    for (let t = 0; t <= options.iterations; t++) {
      const timings: Record<ConvPhase, number> = { agop: agopTime, kernel: 0, solve: 0, predict: 0 };
      const owned: tf.Tensor[] = [];
      const points: PatchOperands[] = [];
      try {
        await checkpoint(t, 'kernel');
        let clock = performance.now();
        const train = prepareOperands(train0, m, { ...operandOptions, right: true });
        points.push(train);
        const k = await patchKernelMatrix({
          kind,
          left: train,
          right: train,
          betweenChunks: (fraction) => checkpoint(t, 'kernel', fraction),
        });
        owned.push(k);
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
        owned.push(trainPredTensor);
        const trainPred = (await trainPredTensor.data()) as Float32Array;
        let testPred: Float32Array | null = null;
        if (test0) {
          const test = prepareOperands(test0, m, { ...operandOptions, right: false });
          points.push(test);
          const kTest = await patchKernelMatrix({ kind, left: test, right: train });
          owned.push(kTest);
          const predTensor = tf.matMul(kTest, solution.alpha);
          owned.push(predTensor);
          testPred = (await predTensor.data()) as Float32Array;
        }
        timings.predict = performance.now() - clock;

        const trainMse = meanSquaredError(trainPred, data.yTrain);
        if (!Number.isFinite(trainMse))
          throw new Error(`the model diverged at iteration ${t}: predictions are not finite (try a larger bandwidth)`);
        yield {
          iteration: t,
          f,
          M: Float64Array.from(m),
          filters: patchFilters(m, f),
          trainMse,
          testMse: testPred ? meanSquaredError(testPred, data.yTest) : null,
          trainAccuracy: accuracy(trainPred, data.yTrain, c, data.accuracy),
          testAccuracy: testPred ? accuracy(testPred, data.yTest, c, data.accuracy) : null,
          timings,
          backend: tf.getBackend(),
          jitter: solution.jitter,
          solveResidual: solution.relativeResidual,
          numTensors: tf.memory().numTensors,
        };

        if (t < options.iterations) {
          await checkpoint(t + 1, 'agop');
          clock = performance.now();
          const s = await patchGradientOuterProductSum({
            kind,
            gaussianWeight: 1 / options.bandwidth ** 2,
            train,
            alpha: solution.alpha,
            betweenChunks: (fraction) => checkpoint(t + 1, 'agop', fraction),
          });
          m = convFeatureMatrix(m, s, f, positions, n);
          agopTime = performance.now() - clock;
        }
      } finally {
        points.forEach(disposeOperands);
        owned.forEach((tensor) => tensor.dispose());
      }
    }
  } finally {
    disposePatches(train0);
    if (test0) disposePatches(test0);
    yTrain.dispose();
  }
}
