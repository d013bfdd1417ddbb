/**
 * What the grokking preset's words say about a run: the caption's outcome sentence and the accuracy panel's
 * headline, both read from the same records with the same definition of a jump, in the present tense while
 * the run goes on ("so far", "is at") and as a verdict once it has finished ("ends at", "no jump in this
 * run"). Pure: no DOM, no store.
 */
import type { IterationRecord } from '../../core';
import { GENERALISED_ACCURACY, jumpIteration, maxTestAccuracy } from '../../core/analysis/grokking';
import type { Params } from '../../params/schema';

/** Test accuracy at which modular arithmetic counts as learned (a "jump" to this level is grokking). */
export const GROKKED_ACCURACY = 0.95;

type AccuracyRecord = Pick<IterationRecord, 'iteration' | 'testAccuracy'>;

// One decimal near the top, where 98.8% and 99% differ in what they say.
const pct = (v: number) => `${(v * 100).toFixed(v >= 0.95 && v < 1 ? 1 : 0)}%`;
const pct1 = (v: number) => `${(v * 100).toFixed(1)}%`;

/** Did test accuracy jump, and when? Suggests what to change when it did not. */
export function grokkingOutcome(
  params: Pick<Params, 'p' | 'frac'>,
  records: readonly AccuracyRecord[],
  finished: boolean,
): string | null {
  const accuracies = records.map((r) => r.testAccuracy ?? 0);
  if (accuracies.length < 2) return null;
  const jumpAt = accuracies.findIndex((a) => a >= GROKKED_ACCURACY);
  const last = accuracies.at(-1)!;
  const lastIteration = records.at(-1)!.iteration;
  if (jumpAt > 0) {
    const jump =
      `test accuracy was ${pct(accuracies[jumpAt - 1]!)} at iteration ${jumpAt - 1} and ` +
      `${pct(accuracies[jumpAt]!)} at iteration ${jumpAt}`;
    return finished
      ? `This run: ${jump}; it ends at ${pct(last)}.`
      : `This run so far: ${jump}; it is at ${pct(last)} at iteration ${lastIteration}.`;
  }
  if (jumpAt === 0) return `This run: test accuracy is already ${pct(accuracies[0]!)} at iteration 0: no jump to see.`;
  if (!finished) return `So far: test accuracy ${pct(last)} at iteration ${lastIteration}, waiting for the jump.`;
  const moreData = Math.min(0.9, Math.round((params.frac + 0.1) * 10) / 10);
  const pairs = Math.round(params.frac * params.p * params.p);
  const advice = `With p = ${params.p} there are only ${pairs} training pairs; try frac = ${moreData} or more iterations.`;
  if (last >= 0.5) {
    return `Only a partial jump in this run: test accuracy rose from ${pct(accuracies[0]!)} to ${pct(last)}, not ~100%. ${advice}`;
  }
  return `No jump in this run: test accuracy ends at ${pct(last)}. ${advice}`;
}

/**
 * The accuracy panel's headline: the first iteration at or above GENERALISED_ACCURACY (the chart's marker),
 * else the climb so far. A climb that stops short of the marker's level is stated as a climb, never as
 * "no jump" (0% -> 98.8% is a jump the caption already reports).
 */
export function grokkingHeadline(records: readonly AccuracyRecord[], finished: boolean): string {
  const best = maxTestAccuracy(records);
  if (best === null) return 'no test accuracy yet';
  const level = `${GENERALISED_ACCURACY * 100}%`;
  const jump = jumpIteration(records);
  if (jump !== null) return `test accuracy ≥ ${level} from iteration ${jump} (best ${pct1(best)})`;
  const first = records.find((r) => r.testAccuracy !== null)!;
  const climbed = jumpIteration(records, GROKKED_ACCURACY);
  if (climbed !== null && climbed > first.iteration)
    return (
      `test accuracy ${pct1(first.testAccuracy!)} → ${pct1(best)} by iteration ${climbed}` +
      (finished ? `, short of ${level}` : `, not yet ${level}`)
    );
  return `best test accuracy ${pct1(best)}${finished ? ': no jump in this run' : ', no jump yet'}`;
}

const sci = (v: number) => v.toPrecision(2);

/**
 * The circulant panel's caption from the deviations drawn (one per iteration; iteration 0, where M = I has
 * no a-b block, is not finite and is skipped) and the accuracies beside them: which way the line went, by
 * how much, and where it stood when test accuracy jumped, in the tense of the run.
 */
export function structureStory(
  deviations: readonly { iteration: number; value: number | null }[],
  records: readonly AccuracyRecord[],
  finished: boolean,
): string | null {
  const drawn = deviations.filter(
    (d): d is { iteration: number; value: number } => d.value !== null && Number.isFinite(d.value) && d.value > 0,
  );
  const first = drawn[0];
  const last = drawn.at(-1);
  if (!first || !last || first === last) return null;
  const ratio = first.value / last.value;
  const from = `${sci(first.value)} at iteration ${first.iteration}`;
  const to = `${sci(last.value)} at iteration ${last.iteration}`;
  const moved =
    ratio > 1.05
      ? `${finished ? 'It fell' : 'So far it has fallen'} from ${from} to ${to} (${ratio.toPrecision(2)}× lower)`
      : ratio < 0.95
        ? `${finished ? 'It rose' : 'So far it has risen'} from ${from} to ${to}: the block moved away from circulant`
        : `${finished ? 'It stayed' : 'So far it has stayed'} near ${sci(last.value)} (${from}, ${to})`;
  const jump = jumpIteration(records, GROKKED_ACCURACY);
  const before = jump === null ? undefined : drawn.filter((d) => d.iteration < jump).at(-1);
  const accuracy =
    jump === null
      ? finished
        ? 'test accuracy did not jump in this run.'
        : 'test accuracy has not jumped yet.'
      : before
        ? `just before test accuracy jumped (iteration ${jump}) it was at ${sci(before.value)}.`
        : `test accuracy jumped at iteration ${jump}, before the line has a point.`;
  return `${moved}; ${accuracy}`;
}
