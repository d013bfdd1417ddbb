/**
 * Character n-gram models with add-one (Laplace) smoothing, the reference models of the text experiment:
 * P(c | previous n - 1 characters) = (count(context, c) + 1) / (count(context) + V). Text here is a
 * sequence of vocabulary indices; a context of n - 1 characters is coded as a base-V number.
 */
import type { BaselineScore } from '../../core/types';

export interface NgramModel {
  /** n - 1: how many previous characters the model looks at. */
  order: number;
  V: number;
  /** counts[context * V + c] */
  counts: Float64Array;
  /** totals[context] = sum over c of counts[context * V + c] */
  totals: Float64Array;
}

/** Counts every (n - 1 characters, next character) pair of `codes`. */
export function fitNgram(codes: ArrayLike<number>, order: number, V: number): NgramModel {
  const contexts = V ** order;
  const counts = new Float64Array(contexts * V);
  const totals = new Float64Array(contexts);
  for (let t = order; t < codes.length; t++) {
    const context = contextCode(codes, t - order, order, V);
    counts[context * V + codes[t]!]! += 1;
    totals[context]! += 1;
  }
  return { order, V, counts, totals };
}

/** The context code of codes[start .. start + order). */
function contextCode(codes: ArrayLike<number>, start: number, order: number, V: number): number {
  let code = 0;
  for (let j = 0; j < order; j++) code = code * V + codes[start + j]!;
  return code;
}

/**
 * Test accuracy (argmax; ties go to the earlier vocabulary entry) and cross-entropy in nats per character
 * of the model on `targets`: targets[i] is the character at codes position positions[i], predicted from
 * the `order` characters before it.
 */
export function scoreNgram(
  model: NgramModel,
  name: string,
  codes: ArrayLike<number>,
  positions: ArrayLike<number>,
): BaselineScore {
  const { order, V, counts, totals } = model;
  const m = positions.length;
  if (m === 0) return { name, testAccuracy: null, testMse: null, testCrossEntropy: null };
  let correct = 0;
  let nll = 0;
  for (let i = 0; i < m; i++) {
    const t = positions[i]!;
    const context = contextCode(codes, t - order, order, V);
    const row = context * V;
    let best = 0;
    for (let c = 1; c < V; c++) if (counts[row + c]! > counts[row + best]!) best = c;
    const target = codes[t]!;
    if (best === target) correct++;
    nll -= Math.log((counts[row + target]! + 1) / (totals[context]! + V));
  }
  return { name, testAccuracy: correct / m, testMse: null, testCrossEntropy: nll / m };
}
