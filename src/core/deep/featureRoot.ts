/**
 * M^(1/2) for Deep RFM: the eigendecomposition M = V diag(lambda) V^T in float64 on the CPU
 * (linalg/householderEigen.ts), then V (diag(sqrt(max(lambda, 0))) V^T) as one product on the backend.
 */
import * as tf from '@tensorflow/tfjs';
import { householderEigen } from '../linalg/householderEigen';

export interface FeatureRoot {
  /** M's eigenvalues, descending. */
  eigenvalues: Float64Array;
  /** M^(1/2) [d, d] float32; the caller owns it. */
  root: tf.Tensor2D;
}

/** m: symmetric positive semi-definite row-major [d, d]; eigenvalues below 0 (rounding) count as 0. */
export function featureRoot(m: Float64Array, d: number): FeatureRoot {
  const { values, vectors } = householderEigen(m, d);
  const v = Float32Array.from(vectors); // [d, d], eigenvectors as columns
  const scaledT = new Float32Array(d * d); // diag(sqrt(lambda)) V^T
  for (let k = 0; k < d; k++) {
    const s = Math.sqrt(Math.max(values[k]!, 0));
    if (s === 0) continue;
    for (let i = 0; i < d; i++) scaledT[k * d + i] = s * vectors[i * d + k]!;
  }
  const root = tf.tidy(() => tf.matMul(tf.tensor2d(v, [d, d]), tf.tensor2d(scaledT, [d, d])) as tf.Tensor2D);
  return { eigenvalues: values, root };
}
