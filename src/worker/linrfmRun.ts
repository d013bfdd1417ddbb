/**
 * The worker's lin-RFM job (docs/linrfm.md): builds the problem from the parameters, posts its summary,
 * then one event per iteration. Pause, step and cancel act through the same RunControl as kernel runs:
 * the engine awaits the checkpoint between row blocks and phases.
 */
import {
  linRfmSummaryTransferables,
  linRfmTransferables,
  startLinRfm,
  type LinRfmJob,
} from '../experiments/linrfmExperiment';
import type { Params } from '../params/schema';
import type { WorkerEvent } from '../protocol/messages';
import type { RunControl } from './runControl';

export async function runLinRfmJob(
  runId: number,
  job: LinRfmJob,
  params: Params,
  control: RunControl,
  post: (event: WorkerEvent, transfer?: Transferable[]) => void,
): Promise<void> {
  const run = startLinRfm(job, params, { checkpoint: () => control.checkpoint() });
  const { summary } = run;
  post({ type: 'linrfmStarted', runId, summary }, linRfmSummaryTransferables(summary));
  for await (const record of run.records) {
    post({ type: 'linrfmIterationCompleted', runId, record }, linRfmTransferables(record));
    control.iterationDone();
  }
}
