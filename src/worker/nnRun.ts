/**
 * The network half of a run with params.model = 'rfm+nn': after the RFM's last iteration, trains the fully
 * connected network on the same Dataset and posts each recorded epoch. Pause, step (one record) and cancel
 * go through the same RunControl as the RFM.
 */
import type { Dataset } from '../core';
import { recordInterval, trainNetwork } from '../core/nn/train';
import { nnOptionsFromParams } from '../experiments/nnOptions';
import type { WorkerEvent } from '../protocol/messages';
import { nnRecordTransferables } from '../protocol/nnMessages';
import type { Params } from '../params/schema';
import type { RunControl } from './runControl';

export async function trainNetworkBeside(
  runId: number,
  data: Dataset,
  params: Params,
  /** The RFM's final M [d, d], for the correlation with the network's W^T W. */
  rfmM: Float64Array | null,
  control: RunControl,
  post: (event: WorkerEvent, transfer?: Transferable[]) => void,
): Promise<void> {
  const options = nnOptionsFromParams(params);
  post({
    type: 'nnStarted',
    runId,
    epochs: options.epochs,
    recordEvery: options.recordEvery ?? recordInterval(options.epochs),
  });
  const records = trainNetwork(data, options, {
    rfmM,
    checkpoint: async (progress) => {
      post({ type: 'nnProgressed', runId, progress });
      await control.checkpoint();
    },
  });
  for await (const record of records) {
    post({ type: 'nnEpochCompleted', runId, record }, nnRecordTransferables(record));
    control.iterationDone();
  }
}
