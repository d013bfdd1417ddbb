/**
 * The worker's catapults job (docs/catapults.md): says what it trains, then runs each entry of the job's plan
 * (experiments/catapultPlan.ts) through experiments/catapultExperiment.ts, the same experiment `rfm preset
 * catapults` calls, posting the learning rate, every SGD step as it is measured and the run's spikes and test
 * error at its end. Pause, step (one SGD step) and cancel act through the same RunControl as kernel runs.
 */
import { EIGEN_BATCH, runCatapult } from '../experiments/catapultExperiment';
import type { JobOf } from '../jobs/job';
import type { Params } from '../params/schema';
import type { WorkerEvent } from '../protocol/messages';
import type { RunControl } from './runControl';

export async function runCatapultJob(
  runId: number,
  job: JobOf<'catapults'>,
  params: Params,
  control: RunControl,
  post: (event: WorkerEvent) => void,
): Promise<void> {
  post({
    type: 'catapultStarted',
    runId,
    summary: {
      n: params.n,
      nTest: params.ntest,
      d: params.d,
      width: params.nnwidth,
      steps: params.sgdsteps,
      eigenBatch: Math.min(EIGEN_BATCH, params.n),
    },
  });
  for (const [index, entry] of job.runs.entries()) {
    const run = await runCatapult(params, entry.batchSize, entry.lrScale, {
      started: (lr, criticalLr) => post({ type: 'catapultRunStarted', runId, index, lr, criticalLr }),
      step: (step) => {
        post({ type: 'catapultStepped', runId, index, step });
        control.iterationDone();
      },
      checkpoint: () => control.checkpoint(),
    });
    const { spikes, finalAlignment, testMse } = run;
    post({ type: 'catapultRunFinished', runId, index, result: { spikes, finalAlignment, testMse } });
  }
}
