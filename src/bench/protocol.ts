/**
 * The bench page's wire formats: page <-> bench worker messages (one command, a few past-tense events), and
 * the `window.rfmBench` API the runner drives through Playwright.
 */
import type { BackendChoice, BackendInfo } from '../protocol/messages';
import type { BenchRunResult, IterationSample, RunSample } from './benchTypes';

export interface BenchRequest {
  caseId: string;
  backend: BackendChoice;
  repeats: number;
  quick: boolean;
}

export type BenchCommand = { type: 'run'; request: BenchRequest };

export type BenchEvent =
  | { type: 'backendSelected'; info: BackendInfo }
  | { type: 'iterationCompleted'; repeat: number; sample: IterationSample }
  | { type: 'runFinished'; runs: RunSample[] }
  | { type: 'runFailed'; message: string };

/** The WebGPU adapter the page sees. */
export interface GpuProbe {
  available: boolean;
  vendor: string;
  architecture: string;
  description: string;
  /** A software adapter (SwiftShader): far slower than wasm on the same CPU. */
  isFallback: boolean;
}

/** What the bench page exposes to Playwright as `window.rfmBench`. */
export interface BenchApi {
  probeGpu(): Promise<GpuProbe>;
  run(request: BenchRequest): Promise<BenchRunResult>;
}

declare global {
  interface Window {
    rfmBench?: BenchApi;
  }
}
