/**
 * How long the current run has left, from the phases it has measured: every finished iteration t >= 1
 * records its wall time per phase (AGOP, kernel, solve, predict, spectrum), later iterations cost about
 * the same (n, d and the options do not change within a run), and the progress events say which phase of
 * the current iteration is under way and how far along it is.
 */
import type { IterationRecord, Progress } from '../core';

const PHASE_ORDER = ['agop', 'kernel', 'solve', 'predict', 'spectrum'] as const;
/** Iterations the per-iteration estimate is taken over: recent ones, as the first may include warm-up. */
const RECENT = 3;

const total = (r: IterationRecord) => PHASE_ORDER.reduce((sum, phase) => sum + r.timings[phase], 0);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Milliseconds left until `plannedRecords` records exist, or null before an estimate is possible (no
 * iteration with an AGOP has finished yet: iteration 0 has none, so it says little about the others).
 */
export function remainingRunMs(
  records: IterationRecord[],
  plannedRecords: number,
  progress: Progress | null,
): number | null {
  const measured = records.filter((r) => r.iteration >= 1);
  const last = measured.at(-1);
  if (!last) return null;
  const perIteration = median(measured.slice(-RECENT).map(total));
  const lastTotal = total(last);
  let left = Math.max(0, plannedRecords - records.length) * perIteration;
  if (progress && progress.iteration >= records.length && left > 0) {
    // Part of the iteration under way is done: the phases before the current one, and a fraction of it,
    // weighted as the last iteration spent its time (scaled to the per-iteration estimate).
    const index = PHASE_ORDER.indexOf(progress.phase);
    const before = PHASE_ORDER.slice(0, index).reduce((sum, phase) => sum + last.timings[phase], 0);
    const done = before + progress.fraction * last.timings[progress.phase];
    left -= lastTotal > 0 ? (done / lastTotal) * perIteration : 0;
  }
  return Math.max(0, left);
}

/** "about 40 s left", "about 2 min 10 s left"; coarse on purpose, so the text does not flicker. */
export function formatRemaining(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 10) return 'a few seconds left';
  if (seconds < 60) return `about ${Math.round(seconds / 5) * 5} s left`;
  const rounded = Math.round(seconds / 10) * 10;
  const minutes = Math.floor(rounded / 60);
  const rest = rounded % 60;
  return `about ${minutes} min${rest ? ` ${rest} s` : ''} left`;
}
