/** Gaussian kernel exp(-||x - z||_M^2 / (2 L^2)); W_ij = K_ij / L^2. */
import * as tf from '@tensorflow/tfjs';
import { engineExp } from './engineExp';
import type { KernelFunction } from './kernelFunction';

export function gaussianKernel(bandwidth: number): KernelFunction {
  const l2 = bandwidth * bandwidth;
  return {
    name: 'gaussian',
    value: (d2) => tf.tidy(() => engineExp(tf.mul(d2, -1 / (2 * l2)))),
    gradientWeight: (k) => tf.tidy(() => tf.mul(k, 1 / l2)),
  };
}
