/**
 * The interface every kernel implements: K from squared Mahalanobis distances, and the gradient
 * weight W with grad f(x_i) = M sum_j W_ij alpha_j (x_j - x_i) (see docs/algorithm.md).
 */
import type * as tf from '@tensorflow/tfjs';

export interface KernelFunction {
  readonly name: string;
  /** K from squared distances d2 (any shape). */
  value(d2: tf.Tensor): tf.Tensor;
  /**
   * Gradient weights from the kernel values and squared distances. Entries with d2 = 0 (self pairs,
   * set to exactly 0 by index upstream) get weight 0 where the kernel is not differentiable there.
   */
  gradientWeight(k: tf.Tensor, d2: tf.Tensor): tf.Tensor;
}
