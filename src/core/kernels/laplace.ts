/**
 * Laplace kernel exp(-||x - z||_M / L); W_ij = K_ij / (L ||x_i - x_j||_M), and W = 0 where the distance
 * is 0 (self pairs, duplicates), where the kernel has no gradient.
 */
import * as tf from '@tensorflow/tfjs';
import { engineExp } from './engineExp';
import type { KernelFunction } from './kernelFunction';
import { positiveDistancePower } from './positiveDistancePower';

export function laplaceKernel(bandwidth: number): KernelFunction {
  return {
    name: 'laplace',
    value: (d2) => tf.tidy(() => engineExp(tf.mul(tf.sqrt(d2), -1 / bandwidth))),
    gradientWeight: (k, d2) => tf.tidy(() => tf.mul(tf.mul(k, positiveDistancePower(d2, -1)), 1 / bandwidth)),
  };
}
