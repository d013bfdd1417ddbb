/**
 * Regression targets are trained in units of their own size, so that the learned M does not depend on the
 * units the target is written in (docs/algorithm.md, Target units).
 *
 * With the mean convention M_{t+1} = G / n and G sums squared gradients of f = K alpha, alpha proportional to
 * Y: M grows with the square of the target's units, and the bandwidth's meaning changes with them. Dividing Y
 * by its root mean square over the training points (s) before the solve and multiplying the predictions by s
 * makes a target times 1e-3, 1 or 1e3 give the same M and the same predictions in its own units. Only a scale,
 * no centring: the kernel machine keeps its function class (no intercept is added). Classification targets
 * (one-hot, 0/1, +-1) are left as they are: their scale is fixed by the encoding.
 */
import type { AccuracyRule } from './types';

/** s: the RMS of a regression target's training values, or 1 (classification, or an all-zero target). */
export function regressionTargetScale(y: ArrayLike<number>, accuracy: AccuracyRule): number {
  if (accuracy !== 'none' || y.length === 0) return 1;
  let sum = 0;
  for (let i = 0; i < y.length; i++) sum += (y[i] as number) ** 2;
  const rms = Math.sqrt(sum / y.length);
  return rms > 0 && Number.isFinite(rms) ? rms : 1;
}

/** Y / s, the target the engine trains on (float32). */
export function scaledTarget(y: Float32Array, scale: number): Float32Array {
  return scale === 1 ? y : Float32Array.from(y, (v) => v / scale);
}

/** Predictions made in target-scale units back in the target's own units, in place. */
export function unscalePredictions(pred: Float32Array, scale: number): Float32Array {
  if (scale !== 1) for (let i = 0; i < pred.length; i++) pred[i] = pred[i]! * scale;
  return pred;
}
