/**
 * dist^p = d2^(p/2) for pairs at positive distance and exactly 0 where d2 = 0 (p < 0 allowed).
 * Written as step(d2) * max(d2, tiny)^(p/2): two elementwise passes instead of a compare-and-select,
 * and finite everywhere (tiny^(p/2) <= 1e30 for p >= -2), so the product with 0 is 0, never NaN.
 */
import * as tf from '@tensorflow/tfjs';

const TINY = 1e-30;

export function positiveDistancePower(d2: tf.Tensor, p: number): tf.Tensor {
  return tf.tidy(() => {
    const safe = tf.maximum(d2, TINY);
    const power = p === -1 ? tf.rsqrt(safe) : tf.pow(safe, p / 2);
    return tf.mul(power, tf.step(d2));
  });
}
