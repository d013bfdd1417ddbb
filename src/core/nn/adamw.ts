/**
 * AdamW (Loshchilov & Hutter): Adam with decoupled weight decay. tfjs has Adam but no AdamW, so the decay is
 * a separate step on top of tf.train.adam, in PyTorch's order: gradients at the current weights, then
 * w <- w (1 - lr * wd) for the decayed variables (weight matrices, not biases), then Adam's update with
 * those gradients. With wd = 0 this is plain Adam.
 */
import * as tf from '@tensorflow/tfjs';

/** PyTorch's default epsilon (tfjs would use its backend epsilon, 1e-7). */
const EPSILON = 1e-8;

export class AdamW {
  private readonly adam: tf.AdamOptimizer;

  constructor(
    private readonly learningRate: number,
    private readonly weightDecay: number,
    /** The variables that decay (a subset of those trained). */
    private readonly decayed: readonly tf.Variable[],
  ) {
    this.adam = tf.train.adam(learningRate, 0.9, 0.999, EPSILON);
  }

  /** One step on `loss` over `variables`; nothing is returned, so nothing has to be read back. */
  step(loss: () => tf.Scalar, variables: tf.Variable[]): void {
    const { value, grads } = tf.variableGrads(loss, variables);
    value.dispose();
    if (this.weightDecay > 0) {
      const factor = 1 - this.learningRate * this.weightDecay;
      tf.tidy(() => this.decayed.forEach((w) => w.assign(tf.mul(w, factor))));
    }
    this.adam.applyGradients(Object.entries(grads).map(([name, tensor]) => ({ name, tensor })));
    tf.dispose(grads);
  }

  dispose(): void {
    this.adam.dispose();
  }
}
