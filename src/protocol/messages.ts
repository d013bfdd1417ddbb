/**
 * The worker wire format: commands from the main thread, events from the training worker.
 * Discriminated unions, versioned; every run-scoped message carries its run id, and the client drops
 * events of a run that is no longer current. Typed arrays travel as transferables, never tensors.
 */
import type { Dataset, IterationRecord, Progress, RfmOptions } from '../core';

export const PROTOCOL_VERSION = 1;

export type BackendChoice = 'auto' | 'webgpu' | 'wasm' | 'webgl' | 'cpu';

/** Where the data for a run comes from; the worker builds the Dataset itself. */
export type DatasetSource =
  | {
      kind: 'synthetic';
      expression: string;
      d: number;
      nTrain: number;
      nTest: number;
      distribution: 'normal' | 'uniform';
      noise: number;
      seed: number;
    }
  | { kind: 'arrays'; dataset: Dataset };

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

export type WorkerCommand =
  | { type: 'selectBackend'; version: number; choice: BackendChoice }
  | { type: 'run'; runId: number; source: DatasetSource; options: RfmOptions; mode: 'play' | 'step' }
  | { type: 'pause'; runId: number }
  | { type: 'resume'; runId: number }
  | { type: 'step'; runId: number }
  | { type: 'cancel'; runId: number };

export interface DatasetSummary {
  nTrain: number;
  nTest: number;
  d: number;
  c: number;
  featureNames: string[];
}

export type WorkerEvent =
  | { type: 'backendSelected'; info: BackendInfo }
  | { type: 'backendFailed'; message: string }
  | { type: 'runStarted'; runId: number; dataset: DatasetSummary }
  | { type: 'progressed'; runId: number; progress: Progress }
  | { type: 'iterationCompleted'; runId: number; record: IterationRecord }
  | { type: 'runPaused'; runId: number }
  | { type: 'runResumed'; runId: number }
  | { type: 'runFinished'; runId: number }
  | { type: 'runFailed'; runId: number; message: string }
  | { type: 'runCancelled'; runId: number };

/** The buffers of a record, for postMessage's transfer list. */
export function recordTransferables(record: IterationRecord): ArrayBuffer[] {
  const arrays = [record.M, record.mEigenvalues, record.kernelEigenvalues, ...record.mEigenvectors];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}
