/**
 * A trained kernel machine kept after a run, so new inputs can be scored (e.g. the text preset's prompt):
 * f(Z) = K_M(Z, X) alpha. It owns its tensors; the holder calls dispose(). Inputs are centred as in training.
 */
import * as tf from '@tensorflow/tfjs';
import { disposeMetricPoints, prepareMetricPoints } from './distance';
import type { KernelFunction } from './kernels/kernelFunction';
import { predictAt } from './predict';
import type { IterationSnapshot } from './types';

export class TrainedModel {
  constructor(
    private readonly kernel: KernelFunction,
    /** [n, d], owned */
    private readonly xTrain: tf.Tensor2D,
    /** [n, c], owned */
    private readonly alpha: tf.Tensor2D,
    /** [d, d], owned */
    private readonly m: tf.Tensor2D,
    /** [d]: the mean the training inputs were centred by (xTrain holds X - mean); new inputs get the same. */
    private readonly inputMean: Float32Array = new Float32Array(xTrain.shape[1]),
  ) {}

  get inputDimension(): number {
    return this.xTrain.shape[1];
  }

  /** Predictions [rows, c] (row-major) for inputs [rows, d] (row-major). */
  async predict(inputs: Float32Array, rows: number): Promise<Float32Array> {
    const d = this.inputDimension;
    if (inputs.length !== rows * d) throw new Error(`expected ${rows} x ${d} inputs, got ${inputs.length} values`);
    const z = tf.tidy(() => tf.sub(tf.tensor2d(inputs, [rows, d]), tf.tensor2d(this.inputMean, [1, d]))) as tf.Tensor2D;
    const train = prepareMetricPoints(this.xTrain, this.m);
    const points = prepareMetricPoints(z, this.m);
    try {
      return await predictAt(this.kernel, points, train, this.alpha);
    } finally {
      disposeMetricPoints(points);
      disposeMetricPoints(train);
      z.dispose();
    }
  }

  dispose(): void {
    this.xTrain.dispose();
    this.alpha.dispose();
    this.m.dispose();
  }
}

/**
 * Predictions [rows, c] of one iteration's model kept on the CPU (rfm.ts keepIteration), for inputs
 * [rows, d]: its tensors live only for this call.
 */
export async function predictWithSnapshot(
  kernel: KernelFunction,
  snapshot: IterationSnapshot,
  inputs: Float32Array,
  rows: number,
): Promise<Float32Array> {
  const d = snapshot.mean.length;
  const c = snapshot.alpha.length / snapshot.n;
  const model = new TrainedModel(
    kernel,
    tf.tensor2d(snapshot.xFit, [snapshot.n, d]),
    tf.tensor2d(snapshot.alpha, [snapshot.n, c]),
    tf.tensor2d(Float32Array.from(snapshot.m), [d, d]),
    snapshot.mean,
  );
  try {
    return await model.predict(inputs, rows);
  } finally {
    model.dispose();
  }
}
