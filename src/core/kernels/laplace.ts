/** Laplace kernel exp(-||x - z||_M / L); W_ij = K_ij / (L ||x_i - x_j||_M), W_ii = 0. */
import * as tf from '@tensorflow/tfjs';
import type { KernelFunction } from './kernelFunction';

export function laplaceKernel(bandwidth: number): KernelFunction {
  return {
    name: 'laplace',
    value: (d2) => tf.tidy(() => tf.exp(tf.mul(tf.sqrt(d2), -1 / bandwidth))),
    gradientWeight: (k, d2) =>
      tf.tidy(() => {
        const positive = tf.greater(d2, 0);
        const dist = tf.sqrt(tf.where(positive, d2, tf.onesLike(d2)));
        return tf.where(positive, tf.div(k, tf.mul(dist, bandwidth)), tf.zerosLike(d2));
      }),
  };
}
