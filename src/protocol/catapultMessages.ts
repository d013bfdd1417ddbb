/**
 * The catapults events of the worker wire format (docs/catapults.md), joined into WorkerEvent (messages.ts).
 * A catapults sweep starts with the ordinary `start` command (its job is of kind catapults, with the runs of
 * its plan); it says what it trains once, then for each run its learning rate, every SGD step as it is
 * measured (so the curves grow while it runs) and the run's spikes and test error when it ends. Run-scoped
 * like the rest; the records are small plain objects.
 */
import type { CatapultStep } from '../core/nn/catapult';
import type { CatapultSpike } from '../core/nn/spikes';

/** What the sweep trains, sent before its first run. */
export interface CatapultSummary {
  /** Training and test points of the target (params.expr over d inputs). */
  n: number;
  nTest: number;
  d: number;
  /** Hidden units of the two-layer network. */
  width: number;
  /** SGD steps of each run (step 0, the initialisation, is measured too). */
  steps: number;
  /** Points of the fixed batch the NTK's top eigenvalue is measured on. */
  eigenBatch: number;
}

/** How a run ended: its spikes with the alignment around them, the final alignment and the test error. */
export interface CatapultRunResult {
  spikes: CatapultSpike[];
  finalAlignment: number;
  testMse: number;
}

export type CatapultEvent =
  | { type: 'catapultStarted'; runId: number; summary: CatapultSummary }
  /** Run `index` of the job's plan measured its edge of stability and set its learning rate. */
  | { type: 'catapultRunStarted'; runId: number; index: number; lr: number; criticalLr: number }
  | { type: 'catapultStepped'; runId: number; index: number; step: CatapultStep }
  | { type: 'catapultRunFinished'; runId: number; index: number; result: CatapultRunResult };
