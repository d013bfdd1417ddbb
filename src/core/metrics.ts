/** Error and accuracy of predictions against targets, in float64 on the CPU. Both are row-major [n, c]. */
import type { AccuracyRule } from './types';

/** Mean squared error over all points and outputs. */
export function meanSquaredError(pred: ArrayLike<number>, target: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < target.length; i++) {
    const e = (pred[i] as number) - (target[i] as number);
    s += e * e;
  }
  return target.length > 0 ? s / target.length : NaN;
}

/** 1 - SSE / SST, with the mean taken per output. */
export function rSquared(pred: ArrayLike<number>, target: ArrayLike<number>, c: number): number {
  const n = target.length / c;
  const mean = new Float64Array(c);
  for (let i = 0; i < n; i++) for (let k = 0; k < c; k++) mean[k] = mean[k]! + (target[i * c + k] as number) / n;
  let sse = 0;
  let sst = 0;
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < c; k++) {
      const t = target[i * c + k] as number;
      sse += ((pred[i * c + k] as number) - t) ** 2;
      sst += (t - mean[k]!) ** 2;
    }
  }
  return sst > 0 ? 1 - sse / sst : NaN;
}

function argmax(values: ArrayLike<number>, offset: number, c: number): number {
  let best = 0;
  for (let k = 1; k < c; k++) if ((values[offset + k] as number) > (values[offset + best] as number)) best = k;
  return best;
}

/** counts[true * c + predicted] for one-hot targets and argmax predictions. */
export function confusionMatrix(pred: ArrayLike<number>, target: ArrayLike<number>, c: number): Int32Array {
  const counts = new Int32Array(c * c);
  for (let i = 0; i < target.length / c; i++) {
    const k = argmax(target, i * c, c) * c + argmax(pred, i * c, c);
    counts[k] = counts[k]! + 1;
  }
  return counts;
}

/** Fraction of points classified correctly under `rule`, or null when the rule is 'none'. */
export function accuracy(
  pred: ArrayLike<number>,
  target: ArrayLike<number>,
  c: number,
  rule: AccuracyRule,
): number | null {
  const n = target.length / c;
  if (rule === 'none' || n === 0) return null;
  let correct = 0;
  for (let i = 0; i < n; i++) {
    if (rule === 'argmax') {
      if (argmax(pred, i * c, c) === argmax(target, i * c, c)) correct++;
    } else {
      const p = pred[i] as number;
      const t = target[i] as number;
      const ok = rule === 'sign' ? Math.sign(p) === Math.sign(t) : p >= 0.5 === t >= 0.5;
      if (ok) correct++;
    }
  }
  return correct / n;
}
