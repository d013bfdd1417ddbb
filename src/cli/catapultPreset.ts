/**
 * `rfm preset catapults [--set key=value ...]` (docs/catapults.md): the two-layer network by plain SGD past
 * its edge of stability, one run per batch size of the plan (experiments/catapultPlan.ts, the app's too), and
 * one at a small step for comparison. Writes per step the training loss, the NTK's top eigenvalue and the AGOP
 * alignment, the list of spikes with the alignment before and after each, and a caption from those numbers
 * (export/catapultJson.ts, the app's Download JSON). `--set nnbatch=B` runs that batch size alone at the large
 * step (beside the small-step run).
 */
import { catapultCaption, runCatapult, type CatapultRun } from '../experiments/catapultExperiment';
import { catapultPlan } from '../experiments/catapultPlan';
import { catapultRunJson } from '../export/catapultJson';
import { CATAPULT_PRESETS, catapultPresetParams } from '../params/catapultPresets';
import type { CatapultPresetOptions } from './args';
import { activateBackend } from './backend';

export async function runCatapultPreset(options: CatapultPresetOptions, log: (line: string) => void) {
  const started = performance.now();
  const params = { ...catapultPresetParams(options.preset), ...options.set };
  const backend = await activateBackend(options.backend);
  const plan = options.set.nnbatch !== undefined ? catapultPlan(params, [params.nnbatch]) : catapultPlan(params);
  log(`preset ${options.preset}: ${CATAPULT_PRESETS[options.preset].title} on ${backend}`);
  const runs: CatapultRun[] = [];
  for (const { batchSize, lrScale } of plan) {
    const run = await runCatapult(params, batchSize, lrScale);
    runs.push(run);
    log(
      `batch ${run.batchSize}, lr ${run.lr.toPrecision(3)} (${lrScale} x 2/lambda = ${run.criticalLr.toPrecision(3)}): ${run.spikes.length} spikes, final alignment ${run.finalAlignment.toFixed(3)}, test MSE ${run.testMse.toPrecision(3)}`,
    );
  }
  const caption = catapultCaption(runs);
  log(caption);
  return {
    preset: options.preset,
    params,
    backend,
    runs: runs.map(catapultRunJson),
    caption,
    total_ms: Math.round(performance.now() - started),
  };
}
