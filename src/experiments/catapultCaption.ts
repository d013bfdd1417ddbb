/**
 * What a catapults sweep showed (docs/catapults.md), in words from its own numbers: the CLI's caption and the
 * app's (components/views/catapults). While the app's sweep runs it says where it is, in the present tense;
 * once every run is done it gives each run's figures and the verdict against the seed paper's claims
 * (smaller batches give more catapults and lower test error), whichever way they go. Pure: no tfjs, so the
 * page imports it.
 */
import type { CatapultSpike } from '../core/nn/spikes';
import type { CatapultStep } from '../core/nn/catapult';

/** A run as the caption reads it: the CLI's CatapultRun, or a finished run of the app's store. */
export interface CaptionRun {
  batchSize: number;
  lrScale: number;
  lr: number;
  steps: readonly CatapultStep[];
  spikes: readonly CatapultSpike[];
  finalAlignment: number;
  testMse: number;
}

/** Where an unfinished sweep is: the runs planned and the steps each takes after initialisation. */
export interface CaptionProgress {
  plannedRuns: number;
  steps: number;
}

const f2 = (v: number) => v.toFixed(2);
const signed = (v: number) => `${v >= 0 ? '+' : ''}${f2(v)}`;
const spikesText = (k: number) => `${k} spike${k === 1 ? '' : 's'}`;

/** The step from which a run's loss is not finite, or -1. */
export const divergedAt = (run: Pick<CaptionRun, 'steps'>) => run.steps.findIndex((s) => !Number.isFinite(s.loss));

function runPart(r: CaptionRun): string {
  const jumps = r.spikes.map((s) => s.alignmentAfter - s.alignmentBefore);
  const largest = jumps.length > 0 ? Math.max(...jumps) : null;
  const head = `batch ${r.batchSize} at ${r.lrScale} x the edge (lr ${r.lr.toPrecision(2)})`;
  const diverged = divergedAt(r);
  if (diverged >= 0) return `${head}: diverged (the loss is not finite from step ${diverged})`;
  return `${head}: ${spikesText(r.spikes.length)}${largest !== null ? ` (largest alignment jump ${signed(largest)})` : ''}, final alignment ${f2(r.finalAlignment)}, test MSE ${r.testMse.toPrecision(2)}`;
}

/** The run still training, in the present tense. */
function runningPart(r: CaptionRun, index: number, progress: CaptionProgress): string {
  const last = r.steps.at(-1);
  const head = `Training batch ${r.batchSize} at ${r.lrScale} x the edge (run ${index + 1} of ${progress.plannedRuns})`;
  if (!last) return `${head}: measuring the edge of stability.`;
  const where = `step ${last.step} of ${progress.steps}`;
  if (divergedAt(r) >= 0) return `${head}, ${where}: the loss is no longer finite (diverging).`;
  const spikes =
    r.spikes.length === 0
      ? 'no spike so far'
      : `the loss has spiked ${r.spikes.length === 1 ? 'once' : `${r.spikes.length} times`} so far (${r.spikes.map((s) => `steps ${s.start}-${s.end}`).join(', ')})`;
  return `${head}, ${where}: ${spikes}; loss ${last.loss.toPrecision(2)}, alignment ${f2(last.alignment)}.`;
}

/**
 * The verdict of a finished sweep: which runs past the edge spiked and what the alignment did, the small
 * step against them, and the paper's two claims (more spikes and lower test error with smaller batches).
 */
function verdict(runs: readonly CaptionRun[]): string {
  const large = runs.filter((r) => r.lrScale > 1);
  const small = runs.filter((r) => r.lrScale <= 1);
  const alive = large.filter((r) => divergedAt(r) < 0);
  const spiked = alive.filter((r) => r.spikes.length > 0);
  const out: string[] = [];
  if (large.length > 0)
    out.push(
      `Past the edge ${spiked.length} of ${large.length} batch sizes spike${
        large.length > alive.length
          ? `, ${large.length - alive.length} diverge${large.length - alive.length === 1 ? 's' : ''} (batch ${large
              .filter((r) => divergedAt(r) >= 0)
              .map((r) => r.batchSize)
              .join(', ')})`
          : ''
      }.`,
    );
  const jumps = spiked.flatMap((r) => r.spikes.map((s) => s.alignmentAfter - s.alignmentBefore));
  if (jumps.length > 0) {
    const lo = Math.min(...jumps);
    const hi = Math.max(...jumps);
    out.push(
      `After a spike the alignment is ${lo > 0 ? 'higher' : hi < 0 ? 'lower' : 'higher or lower'} (${lo === hi ? signed(lo) : `${signed(lo)} to ${signed(hi)}`}), as the paper says${lo > 0 ? '' : ' only in part'}.`,
    );
  }
  for (const r of small)
    out.push(
      `At ${r.lrScale} x the edge (batch ${r.batchSize}) the loss ${r.spikes.length === 0 ? 'does not spike' : `spikes ${r.spikes.length === 1 ? 'once' : `${r.spikes.length} times`}`}; test MSE ${r.testMse.toPrecision(2)} against ${alive.length > 0 ? alive.map((a) => a.testMse.toPrecision(2)).join(', ') : 'none'} past the edge (at equal steps the larger step also learns faster, so this does not isolate the spikes).`,
    );
  if (alive.length >= 2) {
    const byBatch = [...alive].sort((a, b) => b.batchSize - a.batchSize);
    const counts = byBatch.map((r) => r.spikes.length);
    // Strictly more at each smaller batch is the paper's trend; more only somewhere (1, 1, 1, 2) is part of it.
    const strictly = counts.every((c, k) => k === 0 || c > counts[k - 1]!);
    const more = counts.every((c, k) => k === 0 || c >= counts[k - 1]!) && counts.at(-1)! > counts[0]!;
    const list = byBatch.map((r) => `${r.batchSize}: ${r.spikes.length}`).join(', ');
    out.push(
      strictly
        ? `As the paper says, smaller batches give more spikes here (${list}).`
        : more
          ? `Only partly as the paper says, smaller batches give as many spikes or more here, not more at each step down (${list}).`
          : `Against the paper, smaller batches do not give more spikes here (spikes by batch ${list}).`,
    );
    const best = alive.reduce((b, r) => (r.testMse < b.testMse ? r : b));
    const smallest = byBatch.at(-1)!;
    out.push(
      best === smallest
        ? `The smallest batch that trains (${smallest.batchSize}) has the lowest test MSE, as the paper says.`
        : `Against the paper, the lowest test MSE is at batch ${best.batchSize} (${best.testMse.toPrecision(2)}), not at the smallest batch that trains (${smallest.batchSize}: ${smallest.testMse.toPrecision(2)}).`,
    );
  }
  return out.join(' ');
}

/**
 * The sweep's caption. Without `progress` (the CLI, or the app once the worker says the sweep is done) every
 * run is finished: its figures, then the verdict. With it, the finished runs' figures and the current run's
 * step, spikes so far and alignment, in the present tense.
 */
export function catapultCaption(runs: readonly CaptionRun[], progress?: CaptionProgress): string {
  const start = `Plain SGD on the two-layer network; alignment is cos(AGOP_net, AGOP_true) starting at ${f2(runs[0]?.steps[0]?.alignment ?? NaN)}.`;
  if (progress) {
    const current = runs.at(-1);
    if (!current) return 'Measuring the edge of stability of the first run.';
    const done = runs.slice(0, -1).map(runPart);
    return `${runningPart(current, runs.length - 1, progress)}${done.length > 0 ? ` Done: ${done.join('; ')}.` : ''}`;
  }
  return `${start} ${runs.map(runPart).join('; ')}. ${verdict(runs)}`.trim();
}
