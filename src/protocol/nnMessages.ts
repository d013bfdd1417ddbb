/**
 * Worker events of the neural network trained beside the RFM (params.model = 'rfm+nn'): it starts after the
 * RFM's last iteration, on the same data, and reports each recorded epoch. Part of WorkerEvent (messages.ts).
 */
import type { NnEpochRecord, NnProgress } from '../core/nn/networkTypes';

export type NnEvent =
  | { type: 'nnStarted'; runId: number; epochs: number; recordEvery: number }
  | { type: 'nnProgressed'; runId: number; progress: NnProgress }
  | { type: 'nnEpochCompleted'; runId: number; record: NnEpochRecord };

/** The buffers of a network record, for postMessage's transfer list. */
export function nnRecordTransferables(record: NnEpochRecord): ArrayBuffer[] {
  return [record.WtW, record.centredWtW, record.sqrtAgop].map((a) => a.buffer as ArrayBuffer);
}
