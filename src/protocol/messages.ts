/**
 * The worker wire format: commands from the main thread, events from the training worker.
 * Discriminated unions, versioned; every run-scoped message carries its run id, and the client drops
 * events of a run that is no longer current. Typed arrays travel as transferables, never tensors.
 */
import type { BaselineScore, DatasetLayout, IterationRecord, Progress, RfmOptions } from '../core';
import type { DataAssets } from '../data/fromParams';
import type { Params } from '../params/schema';
import type { LinRfmCommand, LinRfmEvent } from './linrfmMessages';

export const PROTOCOL_VERSION = 2;

export type BackendChoice = 'auto' | 'webgpu' | 'wasm' | 'webgl' | 'cpu';

/** Where the data for a run comes from; the worker builds the Dataset itself (datasetFromParams). */
export interface DatasetSource {
  params: Params;
  assets: DataAssets;
}

export interface AdapterDescription {
  vendor: string;
  architecture: string;
  description: string;
  isFallback: boolean;
}

export interface BackendInfo {
  /** The tfjs backend that runs the engine. */
  name: string;
  /** Why it was picked (e.g. "WebGPU adapter is a software fallback (SwiftShader)"). */
  reason: string;
  adapter: AdapterDescription | null;
  /** wasm only: whether threads are available (cross-origin isolation). */
  threads: boolean | null;
}

/** A sweep: one full run per value of one numeric parameter. */
export interface SweepSpec {
  param: 'd' | 'n' | 'L' | 'lambda' | 'iters' | 'noise';
  values: number[];
}

export type WorkerCommand =
  | { type: 'selectBackend'; version: number; choice: BackendChoice }
  | { type: 'run'; runId: number; source: DatasetSource; options: RfmOptions; mode: 'play' | 'step' }
  | { type: 'sweep'; runId: number; source: DatasetSource; options: RfmOptions; sweep: SweepSpec }
  | { type: 'pause'; runId: number }
  | { type: 'resume'; runId: number }
  | { type: 'step'; runId: number }
  | { type: 'cancel'; runId: number }
  /** Scores inputs [rows, d] with the final model of run `runId` (kept after it finished). */
  | { type: 'predict'; runId: number; requestId: number; inputs: Float32Array; rows: number }
  | LinRfmCommand;

export interface DatasetSummary {
  nTrain: number;
  nTest: number;
  d: number;
  c: number;
  featureNames: string[];
  classLabels: string[] | null;
  layout: DatasetLayout;
  baselines: BaselineScore[];
}

/** One finished run of a sweep, summarised. */
export interface SweepPoint {
  value: number;
  /** Test MSE at iteration 0 (M = I): the plain kernel baseline. */
  baselineTestMse: number | null;
  finalTestMse: number | null;
  bestTestMse: number | null;
  bestIteration: number;
  baselineTestAccuracy: number | null;
  finalTestAccuracy: number | null;
  /** Final M, row-major [d, d]. */
  M: Float64Array;
  d: number;
}

export type WorkerEvent =
  | { type: 'backendSelected'; info: BackendInfo }
  | { type: 'backendFailed'; message: string }
  | { type: 'runStarted'; runId: number; dataset: DatasetSummary }
  | { type: 'progressed'; runId: number; progress: Progress }
  | { type: 'iterationCompleted'; runId: number; record: IterationRecord }
  | { type: 'sweepPointCompleted'; runId: number; index: number; point: SweepPoint }
  | { type: 'runPaused'; runId: number }
  | { type: 'runResumed'; runId: number }
  | { type: 'runFinished'; runId: number }
  | { type: 'runFailed'; runId: number; message: string }
  | { type: 'runCancelled'; runId: number }
  | { type: 'predicted'; runId: number; requestId: number; outputs: Float32Array | null; message: string | null }
  | LinRfmEvent;

/** The buffers of a record, for postMessage's transfer list. */
export function recordTransferables(record: IterationRecord): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = [record.M, record.mEigenvalues, record.kernelEigenvalues, ...record.mEigenvectors];
  if (record.testConfusion) arrays.push(record.testConfusion);
  return arrays.map((a) => a.buffer as ArrayBuffer);
}
