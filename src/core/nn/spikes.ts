/**
 * Loss spikes ("catapults", docs/catapults.md) in a training-loss curve, and the cosine between two
 * matrices. A spike starts at a step whose loss exceeds `factor` times the lowest loss before it, and lasts
 * while the loss stays above that threshold; its peak is the highest loss inside. Pure arrays (no tfjs), so
 * the page can mark the spikes of a run while it goes.
 */
import type { CatapultStep } from './catapult';

export interface Spike {
  /** First and last step above the threshold, and the step of the highest loss. */
  start: number;
  end: number;
  peak: number;
  /** The lowest loss before the spike, and the highest inside it. */
  lossBefore: number;
  peakLoss: number;
}

/** Ratio over the lowest loss so far that makes a spike (2: the loss at least doubled). */
export const SPIKE_FACTOR = 2;

/** The spikes of a loss curve, in order; a curve that only falls has none. */
export function findSpikes(loss: readonly number[], factor = SPIKE_FACTOR): Spike[] {
  const spikes: Spike[] = [];
  let lowest = Infinity;
  let t = 0;
  while (t < loss.length) {
    const value = loss[t]!;
    if (Number.isFinite(lowest) && value > factor * lowest) {
      const threshold = factor * lowest;
      const start = t;
      let peak = t;
      while (t + 1 < loss.length && loss[t + 1]! > threshold) {
        t++;
        if (loss[t]! > loss[peak]!) peak = t;
      }
      spikes.push({ start, end: t, peak, lossBefore: lowest, peakLoss: loss[peak]! });
      // The lowest loss is counted afresh after the spike, so a slow rise is not one long spike.
      t++;
      continue;
    }
    lowest = Math.min(lowest, value);
    t++;
  }
  return spikes;
}

/** <A, B>_F / (|A|_F |B|_F) for two matrices of the same size (0 when either is zero). */
export function matrixCosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    ab += a[i]! * b[i]!;
    aa += a[i]! * a[i]!;
    bb += b[i]! * b[i]!;
  }
  return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : 0;
}

/**
 * Steps after a spike ends at which its "after" alignment is read (or the step before the next spike): the
 * alignment dips while the loss is high and settles over the following steps (docs/catapults.md).
 */
export const SETTLE_STEPS = 20;

export interface CatapultSpike extends Spike {
  /** Alignment at the step before the spike and SETTLE_STEPS after it ends (or before the next spike). */
  alignmentBefore: number;
  alignmentAfter: number;
  eigenvalueBefore: number;
  eigenvalueAfter: number;
}

/** The spikes of a run's loss with the alignment and top eigenvalue before and after each, of the steps so far. */
export function catapultSpikes(steps: readonly CatapultStep[]): CatapultSpike[] {
  const at = (step: number) => steps[Math.max(0, Math.min(steps.length - 1, step))]!;
  const found = findSpikes(steps.map((s) => s.loss));
  return found.map((spike, k) => {
    const after = Math.min(spike.end + SETTLE_STEPS, (found[k + 1]?.start ?? Infinity) - 1);
    return {
      ...spike,
      alignmentBefore: at(spike.start - 1).alignment,
      alignmentAfter: at(after).alignment,
      eigenvalueBefore: at(spike.start - 1).topEigenvalue,
      eigenvalueAfter: at(after).topEigenvalue,
    };
  });
}
