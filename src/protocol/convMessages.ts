/**
 * The ConvRFM events of the worker wire format (docs/convrfm.md), joined into WorkerEvent (messages.ts). A
 * ConvRFM run starts with the ordinary `start` command (its job is of kind convrfm); it reports what it trains
 * on, then one record per ConvRFM iteration, then the comparisons (the plain RFM on the flattened pixels and,
 * with params.deep, a second layer) point by point. Run-scoped like the rest; typed arrays are transferred.
 */
import type { ConvIterationRecord, ConvKernelName, ImageShape } from '../core/conv/convTypes';

export interface ConvSummary {
  image: ImageShape;
  /** Side q of the patches. */
  patch: number;
  /** Values per patch, f = q^2 x channels: M is f x f. */
  features: number;
  /** Patch positions P. */
  positions: number;
  kernel: ConvKernelName;
  bandwidth: number;
  nTrain: number;
  nTest: number;
  c: number;
  /** The image the feature maps are drawn on (the first test image, else the first training one), row-major. */
  probe: Float32Array;
  /** Its class, where the data has class labels. */
  probeLabel: string | null;
  /** The plain RFM on the flattened pixels, the comparison (experiments/convExperiment.ts). */
  plain: { kernel: string; bandwidth: number; convention: string };
  /** Deep ConvRFM's second layer: F random filters and the maps' shape; null without one (params.deep = 0). */
  deep: { filters: number; shape: ImageShape } | null;
}

/** A ConvRFM iteration record with what its top filters do to the probe image. */
export interface ConvRecord extends ConvIterationRecord {
  /** [count, rows, cols] row-major: filter k (by descending eigenvalue) correlated with the probe, no ReLU. */
  responses: Float32Array;
  responseShape: { count: number; rows: number; cols: number };
}

/** The runs the accuracy chart sets beside ConvRFM: the plain RFM, and layer 2 on filters from M or from I. */
export const CONV_LINES = ['plain', 'deepLearned', 'deepIdentity'] as const;
export type ConvLine = (typeof CONV_LINES)[number];

export interface ConvPoint {
  iteration: number;
  testAccuracy: number | null;
  testMse: number | null;
  trainAccuracy: number | null;
}

export type ConvEvent =
  | { type: 'convStarted'; runId: number; summary: ConvSummary }
  | { type: 'convIterationCompleted'; runId: number; record: ConvRecord }
  | { type: 'convPointCompleted'; runId: number; line: ConvLine; point: ConvPoint };

/** The buffers of a ConvRFM record, for postMessage's transfer list. */
export function convRecordTransferables(record: ConvRecord): ArrayBuffer[] {
  return [record.M, record.responses, ...record.filters.map((f) => f.values)].map((a) => a.buffer as ArrayBuffer);
}
