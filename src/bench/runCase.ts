/**
 * Runs one benchmark case through the engine on whatever tfjs backend is active, `repeats` times, and
 * keeps per-iteration timings and metrics (not the matrices). Shared by the bench worker and the Node
 * runs, so both measure exactly the same loop.
 */
import { trainRfm } from '../core';
import type { Dataset, RfmOptions } from '../core/types';
import type { IterationSample, RunSample } from './benchTypes';

export interface RunCaseInput {
  dataset: Dataset;
  options: RfmOptions;
  repeats: number;
  /** Called after each iteration, e.g. to report progress. */
  onIteration?: (repeat: number, sample: IterationSample) => void;
}

async function runOnce(
  dataset: Dataset,
  options: RfmOptions,
  onIteration: (s: IterationSample) => void,
): Promise<RunSample> {
  const iterations: IterationSample[] = [];
  const started = performance.now();
  let previous = started;
  for await (const record of trainRfm(dataset, options)) {
    const now = performance.now();
    const sample: IterationSample = {
      iteration: record.iteration,
      wallMs: now - previous,
      timings: { ...record.timings },
      trainMse: record.trainMse,
      testMse: record.testMse,
      testAccuracy: record.testAccuracy,
      backend: record.backend,
    };
    iterations.push(sample);
    onIteration(sample);
    // Measured from here, so the consumer's own work is not charged to the next iteration.
    previous = performance.now();
  }
  return { iterations, totalMs: performance.now() - started };
}

export async function runBenchCase({ dataset, options, repeats, onIteration }: RunCaseInput): Promise<RunSample[]> {
  const runs: RunSample[] = [];
  for (let repeat = 0; repeat < repeats; repeat++) {
    runs.push(await runOnce(dataset, options, (sample) => onIteration?.(repeat, sample)));
  }
  return runs;
}
