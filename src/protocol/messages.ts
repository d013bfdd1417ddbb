/**
 * The worker wire format: commands from the main thread, events from the training worker.
 * Discriminated unions, versioned; every run-scoped message carries its run id, and the client drops
 * events of a run that is no longer current. Typed arrays travel as transferables, never tensors.
 */
import type { BaselineScore, DatasetLayout, IterationRecord, Progress } from '../core';
import type { Job } from './jobTypes';
import type { Params } from '../params/schema';
import type { NnEvent } from './nnMessages';
import type { LinRfmEvent } from './linrfmMessages';
import type { DeepEvent } from './deepMessages';
import type { ConvEvent } from './convMessages';
import type { CatapultEvent } from './catapultMessages';
import type { PredictorCommand, PredictorEvent } from './predictorMessages';
import type { TreeEvent } from './treeMessages';

/** Bumped whenever a command or event changes shape; the worker and the page must agree on it. */
export const PROTOCOL_VERSION = 8;

export type BackendChoice = 'auto' | 'webgpu' | 'wasm' | 'webgl' | 'cpu';

/** Inputs that are not parameters: files the user uploaded or text they pasted. */
export interface DataAssets {
  /** rows: the file's data rows as its check counted them, so the page can plan a tree before the worker parses it. */
  csv?: { name: string; text: string; rows?: number };
  /** The corpus when params.corpus is 'custom'. */
  text?: string;
}

/**
 * The one description of a job that crosses to the worker: the schema-normalised parameters (the data
 * source and the engine options via optionsFromParams derive from them there), what the user brought,
 * and the job (jobTypes.ts, decided by jobs/job.ts): its kind, decided once on the page, and what that
 * kind needs (a sweep's values). The worker switches on job.kind and never re-reads the flags that decided it.
 */
export interface RunDescription {
  params: Params;
  assets: DataAssets;
  job: Job;
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

export type { SweepSpec } from './jobTypes';

/** Every command carries the page's PROTOCOL_VERSION; the worker refuses a command of another version. */
export type WorkerCommand = { version: number } & (
  | { type: 'selectBackend'; choice: BackendChoice }
  /** Starts the job run.job (a sweep always plays). */
  | { type: 'start'; runId: number; run: RunDescription; mode: 'play' | 'step' }
  | { type: 'pause'; runId: number }
  | { type: 'resume'; runId: number }
  | { type: 'step'; runId: number }
  | { type: 'cancel'; runId: number }
  /** Scores inputs [rows, d] with the final model of run `runId` (kept after it finished). */
  | { type: 'predict'; runId: number; requestId: number; inputs: Float32Array; rows: number }
  /** Evaluates one iteration's model of run `runId` on a grid (the predictor panel). */
  | PredictorCommand
);

/** A command without its version, as the client writes it (the version is added where it is sent). */
export type WorkerCommandBody = WorkerCommand extends infer C
  ? C extends unknown
    ? Omit<C, 'version'>
    : never
  : never;

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
  /**
   * Posted once the worker has loaded and holds its liveness lock, or, where Web Locks are refused, with
   * the port its heartbeat beats on (see engine/workerHost.ts).
   */
  | { type: 'workerReady'; version: number; heartbeat?: MessagePort }
  /** A command of another protocol version was refused. */
  | { type: 'protocolMismatch'; version: number; received: number }
  | { type: 'backendSelected'; info: BackendInfo }
  | { type: 'backendFailed'; message: string }
  | { type: 'runStarted'; runId: number; dataset: DatasetSummary }
  | { type: 'progressed'; runId: number; progress: Progress }
  | { type: 'iterationCompleted'; runId: number; record: IterationRecord }
  | { type: 'sweepPointCompleted'; runId: number; index: number; point: SweepPoint }
  | { type: 'runPaused'; runId: number }
  | { type: 'runResumed'; runId: number }
  | { type: 'runFinished'; runId: number }
  /** retryable: the same run may work when tried again (a download failed), as opposed to bad input. */
  | { type: 'runFailed'; runId: number; message: string; retryable: boolean }
  | { type: 'runCancelled'; runId: number }
  | { type: 'predicted'; runId: number; requestId: number; outputs: Float32Array | null; message: string | null }
  | NnEvent
  | LinRfmEvent
  | DeepEvent
  | ConvEvent
  | CatapultEvent
  | PredictorEvent
  | TreeEvent;

/** The buffers of a record, for postMessage's transfer list. */
export function recordTransferables(record: IterationRecord): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = [record.M, record.mEigenvalues, record.kernelEigenvalues, ...record.mEigenvectors];
  if (record.testConfusion) arrays.push(record.testConfusion);
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

/**
 * Why two protocol versions cannot talk, in words, or null when they match. A mismatch means the page and
 * its worker script come from different builds (a cached worker after an update).
 */
export function protocolMismatch(page: number, worker: number): string | null {
  if (page === worker) return null;
  return `the training worker speaks protocol version ${worker} but this page speaks version ${page}: the page and its worker come from different builds of the app. Reload the page (bypassing the cache) to get matching ones.`;
}
