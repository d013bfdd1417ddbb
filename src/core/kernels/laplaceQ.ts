/**
 * Generalised Laplace kernel exp(-(||x - z||_M / L)^q), 0 < q <= 2;
 * W_ij = q K_ij ||x_i - x_j||_M^(q - 2) / L^q, and W = 0 where the distance is 0.
 */
import * as tf from '@tensorflow/tfjs';
import { engineExp } from './engineExp';
import type { KernelFunction } from './kernelFunction';
import { positiveDistancePower } from './positiveDistancePower';

export function laplaceQKernel(bandwidth: number, exponent: number): KernelFunction {
  const lq = bandwidth ** exponent;
  return {
    name: 'laplace-q',
    // (dist / L)^q = d2^(q/2) / L^q
    value: (d2) => tf.tidy(() => engineExp(tf.mul(tf.pow(d2, exponent / 2), -1 / lq))),
    gradientWeight: (k, d2) => tf.tidy(() => tf.mul(tf.mul(k, positiveDistancePower(d2, exponent - 2)), exponent / lq)),
  };
}
