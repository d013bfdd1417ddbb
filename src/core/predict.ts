/** Kernel predictions f(Z) = K_M(Z, X) alpha, batched over the rows of Z so memory stays bounded. */
import * as tf from '@tensorflow/tfjs';
import type { KernelFunction } from './kernels/kernelFunction';
import { pairwiseSquaredDistances, sliceMetricPoints, type MetricPoints } from './distance';

const BATCH_FLOATS = 16 * 1024 * 1024;

/** Returns predictions as a row-major float32 [m, c] array. `z` are other points than the training ones. */
export async function predictAt(
  kernel: KernelFunction,
  z: MetricPoints,
  train: MetricPoints,
  alpha: tf.Tensor2D,
): Promise<Float32Array> {
  const m = z.x.shape[0];
  const n = train.x.shape[0];
  const c = alpha.shape[1];
  const out = new Float32Array(m * c);
  const rowsPerBatch = Math.max(1, Math.floor(BATCH_FLOATS / n));
  for (let start = 0; start < m; start += rowsPerBatch) {
    const count = Math.min(rowsPerBatch, m - start);
    const pred = tf.tidy(() => {
      const rows = sliceMetricPoints(z, start, count);
      return tf.matMul(kernel.value(pairwiseSquaredDistances(rows, train, false)), alpha);
    });
    out.set((await pred.data()) as Float32Array, start * c);
    pred.dispose();
  }
  return out;
}
