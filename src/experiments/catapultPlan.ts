/**
 * The runs of the catapults experiment (docs/catapults.md), decided from the parameters alone: one run per
 * batch size of the preset's sweep at `lrx` times the edge of stability, then the small-step control (batch
 * 32 at half the edge). Pure, so the page (jobs/job.ts) can plan the job without loading tfjs; the worker and
 * the CLI both run this plan.
 */
import { CATAPULT_SWEEP } from '../params/catapultPresets';
import type { Params } from '../params/schema';
import type { CatapultPlanEntry } from '../protocol/jobTypes';

export type { CatapultPlanEntry } from '../protocol/jobTypes';

/**
 * The sweep's runs: every batch size of CATAPULT_SWEEP (or only `batches` when given: the CLI's
 * `--set nnbatch=B`), each clipped to n and kept once, then the control.
 */
export function catapultPlan(
  params: Params,
  batches: readonly number[] = CATAPULT_SWEEP.batchSizes,
): CatapultPlanEntry[] {
  const sizes = [...new Set(batches.map((b) => Math.min(b, params.n)))];
  return [
    ...sizes.map((batchSize) => ({ batchSize, lrScale: params.lrx, control: false })),
    {
      batchSize: Math.min(CATAPULT_SWEEP.smallBatchSize, params.n),
      lrScale: CATAPULT_SWEEP.smallLrScale,
      control: true,
    },
  ];
}
