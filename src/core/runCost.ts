/**
 * The time guard that goes with the memory guard (./memory.ts): a run is refused, with numbers, when
 * its d x d work cannot finish in reasonable time. Each iteration forms M^(1/2) X^T (n d^2), sandwiches
 * the AGOP with M (2 d^3) and eigen-decomposes M on the CPU in float64 (about 10 d^3): at d = 2,000 that
 * is ~10^11 operations per iteration, minutes in a browser tab, with no checkpoint inside to cancel it.
 * The bound leaves room for every built-in experiment (digits at 28 px: d = 784; text: k x V <= ~1,300).
 */
import type { RunShape } from './memory';

/** Most input features a run may have. */
export const MAX_FEATURES = 1500;

/** Floating-point operations of one iteration's d x d work (sandwich, eigen-decomposition, M^(1/2) X^T). */
export function featureWorkPerIteration({ n, nTest, d }: RunShape): number {
  return 12 * d ** 3 + 2 * (n + nTest) * d ** 2;
}

/** Throws an Error that says how many features there are, what they cost and what to do. */
export function checkRunCost(shape: RunShape): void {
  const { d } = shape;
  if (d <= MAX_FEATURES) return;
  const billions = featureWorkPerIteration(shape) / 1e9;
  throw new Error(
    `d = ${d.toLocaleString('en-US')} input features is more than can train here: M is ${d.toLocaleString('en-US')} x ${d.toLocaleString('en-US')}, ` +
      `and every iteration multiplies and decomposes it (about ${Math.round(billions).toLocaleString('en-US')} billion operations, minutes on a CPU). ` +
      `At most ${MAX_FEATURES.toLocaleString('en-US')} features can train; drop columns (or choose a smaller image or context).`,
  );
}
