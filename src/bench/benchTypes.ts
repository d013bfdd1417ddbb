/**
 * What a benchmark run reports, the same shape for the browser worker, the Node runs and the native
 * reference (scripts/bench_native.py writes this JSON too), so one summary serves all three.
 */

/** One RFM iteration as measured. Times are in ms. */
export interface IterationSample {
  iteration: number;
  /**
   * Wall time from the previous record to this one. For t >= 1 that is one whole iteration: the AGOP that
   * made M_t, then kernel, solve, predict and spectrum under M_t, and the record's bookkeeping.
   */
  wallMs: number;
  /** The engine's per-phase times: agop, kernel, solve, predict, spectrum. */
  timings: Record<string, number>;
  trainMse: number;
  testMse: number | null;
  testAccuracy: number | null;
  backend: string;
}

/** One run of a case: every iteration t = 0..T. */
export interface RunSample {
  iterations: IterationSample[];
  /** The whole run, including setup before iteration 0. */
  totalMs: number;
}

export type BenchSide = 'browser' | 'node' | 'native';

/** All repeats of one case on one backend. */
export interface BenchRunResult {
  caseId: string;
  side: BenchSide;
  /** The backend asked for (wasm, webgpu, cpu, numpy). */
  backend: string;
  /** The backend that actually ran (selectBackend may fall back). */
  actualBackend: string;
  runs: RunSample[];
  /** Free-form facts about where it ran: user agent, threads, adapter, BLAS. */
  environment: Record<string, string | number | boolean | null>;
}
