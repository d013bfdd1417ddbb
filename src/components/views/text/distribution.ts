/**
 * From RFM's outputs to what the prompt box shows. RFM regresses one-hot targets, so its outputs are
 * scores, not probabilities: a next-character distribution is read off by clipping the scores at 0 and
 * normalising. The greedy continuation appends the top character and asks again, one prediction (one row)
 * per step. Pure apart from the injected `score` function, so it is tested in Node.
 */
import { encodeContext } from '../../../data/text/alphabet';

export interface CharacterProbability {
  /** Index into the vocabulary. */
  index: number;
  character: string;
  probability: number;
}

/** max(score, 0) / sum of max(score, 0); null when no score is positive (nothing to normalise). */
export function scoresToDistribution(scores: ArrayLike<number>): Float64Array | null {
  const clipped = Float64Array.from(scores, (s) => (Number.isFinite(s) && s > 0 ? s : 0));
  const total = clipped.reduce((a, b) => a + b, 0);
  return total > 0 ? clipped.map((p) => p / total) : null;
}

/** The `count` most probable characters, most probable first (ties: vocabulary order). */
export function topCharacters(
  probabilities: ArrayLike<number>,
  vocabulary: readonly string[],
  count: number,
): CharacterProbability[] {
  return Array.from(probabilities, (probability, index) => ({ index, character: vocabulary[index] ?? '', probability }))
    .sort((a, b) => b.probability - a.probability || a.index - b.index)
    .slice(0, count);
}

/** Index of the largest score (the first on ties), or -1 for no scores. */
export function argmax(scores: ArrayLike<number>): number {
  let best = -1;
  for (let i = 0; i < scores.length; i++) if (best < 0 || scores[i]! > scores[best]!) best = i;
  return best;
}

export interface GreedyOptions {
  k: number;
  vocabulary: readonly string[];
  steps: number;
  /** Scores [V] of one encoded context [k * V] (one predict call of one row). */
  score: (input: Float32Array) => Promise<Float32Array>;
  /** Called with the continuation so far after each step. */
  onStep?: (continuation: string) => void;
  /** Checked before each step: stop early (a newer prompt, a new run). */
  cancelled?: () => boolean;
}

/** Appends the highest-scoring character `steps` times, each step one sequential call of `score`. */
export async function greedyContinuation(prompt: string, options: GreedyOptions): Promise<string> {
  const { k, vocabulary, steps, score, onStep, cancelled } = options;
  let continuation = '';
  for (let step = 0; step < steps; step++) {
    if (cancelled?.()) break;
    const scores = await score(encodeContext(prompt + continuation, k, vocabulary));
    const best = argmax(scores);
    if (best < 0) break;
    continuation += vocabulary[best] ?? '';
    onStep?.(continuation);
  }
  return continuation;
}
