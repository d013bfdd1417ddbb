/**
 * `rfm preset catapults [--set key=value ...]` (docs/catapults.md): the two-layer network by plain SGD past
 * its edge of stability, one run per batch size of CATAPULT_SWEEP, and one at a small step for comparison.
 * Writes per step the training loss, the NTK's top eigenvalue and the AGOP alignment, the list of spikes
 * with the alignment before and after each, and a caption from those numbers. `--set nnbatch=B` runs that
 * batch size alone at the large step (beside the small-step run).
 */
import { catapultCaption, runCatapult, type CatapultRun } from '../experiments/catapultExperiment';
import { CATAPULT_PRESETS, CATAPULT_SWEEP, catapultPresetParams } from '../params/catapultPresets';
import type { CatapultPresetOptions } from './args';
import { activateBackend } from './backend';

const finite = (v: number) => (Number.isFinite(v) ? v : null);

function runJson(run: CatapultRun) {
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

export async function runCatapultPreset(options: CatapultPresetOptions, log: (line: string) => void) {
  const started = performance.now();
  const params = { ...catapultPresetParams(options.preset), ...options.set };
  const backend = await activateBackend(options.backend);
  const batches = options.set.nnbatch !== undefined ? [params.nnbatch] : [...CATAPULT_SWEEP.batchSizes];
  log(`preset ${options.preset}: ${CATAPULT_PRESETS[options.preset].title} on ${backend}`);
  const runs: CatapultRun[] = [];
  for (const [batch, scale] of [
    ...batches.map((b) => [b, params.lrx] as const),
    [Math.min(CATAPULT_SWEEP.smallBatchSize, params.n), CATAPULT_SWEEP.smallLrScale] as const,
  ]) {
    const run = await runCatapult(params, batch, scale);
    runs.push(run);
    log(
      `batch ${run.batchSize}, lr ${run.lr.toPrecision(3)} (${scale} x 2/lambda = ${run.criticalLr.toPrecision(3)}): ${run.spikes.length} spikes, final alignment ${run.finalAlignment.toFixed(3)}, test MSE ${run.testMse.toPrecision(3)}`,
    );
  }
  const caption = catapultCaption(runs);
  log(caption);
  return {
    preset: options.preset,
    params,
    backend,
    runs: runs.map(runJson),
    caption,
    total_ms: Math.round(performance.now() - started),
  };
}
