/**
 * The Deep RFM events of the worker wire format (docs/deeprfm.md), joined into WorkerEvent (messages.ts).
 * A Deep RFM run starts with the ordinary `start` command (its job is of kind deep-rfm); it says what it
 * fits once, then posts one event per layer (the AGOP stack's layers 1..D, then the control's), so the
 * views fill in layer by layer. Run-scoped like the rest; typed arrays are transferred.
 */
import type { DeepLayerRecord } from '../core/deep/deepTypes';

/** The points Deep RFM fits and the stack it builds, sent before the first layer. */
export interface DeepSummary {
  /** Points fitted (every one is measured: there is no test set). */
  n: number;
  /** Input features d_1. */
  d: number;
  classes: number;
  classLabels: string[];
  depth: number;
  width: number;
  /** Points drawn in each layer's Gram matrix (all of them up to GRAM_POINTS, evenly spread beyond). */
  gramPoints: number;
  /** Where each class's rows start in the Gram matrices, and their end: [classes + 1]. */
  classStarts: Int32Array;
}

/** One finished layer of one stack. */
export interface DeepLayerResult {
  record: DeepLayerRecord;
  /**
   * Cosines between X_l's points after centring, sorted by class (core/deep/classGram.ts):
   * [gramPoints, gramPoints] row-major. Blocks of ~1 on the diagonal show the classes collapsing.
   */
  gram: Float32Array;
}

export type DeepEvent =
  | { type: 'deepStarted'; runId: number; summary: DeepSummary }
  | { type: 'deepLayerCompleted'; runId: number; layer: DeepLayerResult };

/** The buffers of a layer, for postMessage's transfer list. */
export function deepLayerTransferables({ record, gram }: DeepLayerResult): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = [gram, record.meanCosines.X, record.meanCosines.sqrtM_X, record.meanCosines.next];
  if (record.mEigenvalues) arrays.push(record.mEigenvalues);
  return arrays.map((a) => a.buffer as ArrayBuffer);
}
