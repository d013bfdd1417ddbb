/**
 * The worker's ConvRFM job (docs/convrfm.md): builds the images, says what it trains on, then posts ConvRFM's
 * records and the comparisons' points as experiments/convExperiment.ts yields them. Pause, step and cancel
 * act through the same RunControl as kernel runs; a step ends after each ConvRFM iteration, and the
 * comparisons, which come after the last one, run through to the end.
 */
import { convSummaryOf, convOptionsFromParams, imageShapeOf, runConvExperiment } from '../experiments/convExperiment';
import { convRecordTransferables } from '../protocol/convMessages';
import type { RunDescription, WorkerEvent } from '../protocol/messages';
import { buildDataset, summarizeDataset } from './buildDataset';
import type { RunControl } from './runControl';
import { memoryLimits } from './selectBackend';

export async function runConvJob(
  runId: number,
  run: RunDescription,
  control: RunControl,
  post: (event: WorkerEvent, transfer?: Transferable[]) => void,
): Promise<void> {
  const { params } = run;
  const data = await buildDataset(params, run.assets);
  post({ type: 'runStarted', runId, dataset: summarizeDataset(data) });
  const summary = convSummaryOf(data, params, convOptionsFromParams(params, imageShapeOf(data, params)));
  post({ type: 'convStarted', runId, summary });
  const events = runConvExperiment(data, params, summary, {
    limits: memoryLimits(),
    checkpoint: async (progress) => {
      if (progress) post({ type: 'progressed', runId, progress });
      await control.checkpoint();
    },
  });
  for await (const event of events) {
    if (event.type === 'iteration') {
      post({ type: 'convIterationCompleted', runId, record: event.record }, convRecordTransferables(event.record));
      control.iterationDone();
    } else post({ type: 'convPointCompleted', runId, line: event.line, point: event.point });
  }
}
