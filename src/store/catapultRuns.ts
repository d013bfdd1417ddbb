/**
 * The catapults sweep's runs as the views, the caption and the exports read them (docs/catapults.md): each
 * started run with its plan entry, its steps so far and its spikes, those the worker found once the run has
 * finished, else those of the steps so far (core/nn/spikes.ts), so a spike is marked while the run goes.
 * Pure, over the store's results.
 */
import { catapultSpikes } from '../core/nn/spikes';
import type { CaptionRun } from '../experiments/catapultCaption';
import type { CatapultPlanEntry } from '../jobs/job';
import type { CatapultResults, ResultsOf } from './results';

export interface ShownCatapultRun extends CaptionRun {
  index: number;
  criticalLr: number;
  /** The small-step run the others are set against. */
  control: boolean;
  /** The worker has reported its end (its test MSE and final alignment are set; NaN before). */
  done: boolean;
}

/** Words for a run: its batch size and step, and "(control)" for the small step. */
export function catapultRunLabel(run: Pick<ShownCatapultRun, 'batchSize' | 'lrScale' | 'control'>): string {
  return `batch ${run.batchSize}, ${run.lrScale} × edge${run.control ? ' (control)' : ''}`;
}

/** The started runs of the sweep, in the plan's order. */
export function catapultRuns(results: CatapultResults, plan: readonly CatapultPlanEntry[]): ShownCatapultRun[] {
  return results.runs.flatMap((run) => {
    const entry = plan[run.index];
    if (!entry) return [];
    return [
      {
        index: run.index,
        batchSize: entry.batchSize,
        lrScale: entry.lrScale,
        control: entry.control,
        lr: run.lr,
        criticalLr: run.criticalLr,
        steps: run.steps,
        spikes: run.result?.spikes ?? catapultSpikes(run.steps),
        finalAlignment: run.result?.finalAlignment ?? NaN,
        testMse: run.result?.testMse ?? NaN,
        done: run.result !== null,
      },
    ];
  });
}

/** The runs of catapults results (none for another job's). */
export const catapultRunsOf = (results: ResultsOf<'catapults'>) => catapultRuns(results, results.job.runs);
