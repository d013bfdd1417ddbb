/**
 * The catapults sweep's JSON (docs/catapults.md), for `rfm preset catapults` and the app's Download JSON:
 * per run its batch size, learning rate (and its multiple of the edge), every step's loss, NTK top
 * eigenvalue and alignment, the spikes with the alignment and eigenvalue before and after each, the final
 * alignment and test MSE; and the caption. The app's CSV is one row per step of each run.
 */
import type { CatapultStep } from '../core/nn/catapult';
import type { CatapultSpike } from '../core/nn/spikes';

/** A run as the JSON writes it: the CLI's CatapultRun, or one of the app's (store/catapultRuns.ts). */
export interface CatapultRunFacts {
  batchSize: number;
  lrScale: number;
  lr: number;
  criticalLr: number;
  steps: readonly CatapultStep[];
  spikes: readonly CatapultSpike[];
  finalAlignment: number;
  testMse: number;
}

const finite = (v: number) => (Number.isFinite(v) ? v : null);

export function catapultRunJson(run: CatapultRunFacts) {
  return {
    batch_size: run.batchSize,
    lr_scale: run.lrScale,
    lr: run.lr,
    critical_lr: run.criticalLr,
    test_mse: finite(run.testMse),
    final_alignment: finite(run.finalAlignment),
    spikes: run.spikes.map((s) => ({
      start: s.start,
      peak: s.peak,
      end: s.end,
      loss_before: s.lossBefore,
      peak_loss: finite(s.peakLoss),
      alignment_before: finite(s.alignmentBefore),
      alignment_after: finite(s.alignmentAfter),
      top_eigenvalue_before: finite(s.eigenvalueBefore),
      top_eigenvalue_after: finite(s.eigenvalueAfter),
    })),
    steps: run.steps.map((s) => ({
      step: s.step,
      loss: finite(s.loss),
      top_eigenvalue: finite(s.topEigenvalue),
      alignment: finite(s.alignment),
    })),
  };
}

const CSV_HEADER = ['batch_size', 'lr_scale', 'lr', 'step', 'loss', 'top_eigenvalue', 'alignment', 'in_spike'];

/** One row per step of each run; in_spike is 1 for a step inside one of the run's spikes. */
export function catapultRunsCsv(runs: readonly CatapultRunFacts[]): string {
  const cell = (v: number) => (Number.isFinite(v) ? String(v) : '');
  const rows = runs.flatMap((run) =>
    run.steps.map((s) =>
      [
        String(run.batchSize),
        String(run.lrScale),
        cell(run.lr),
        String(s.step),
        cell(s.loss),
        cell(s.topEigenvalue),
        cell(s.alignment),
        run.spikes.some((k) => s.step >= k.start && s.step <= k.end) ? '1' : '0',
      ].join(','),
    ),
  );
  return `${[CSV_HEADER.join(','), ...rows].join('\n')}\n`;
}
