/**
 * A sweep: one full RFM run per value of one numeric parameter, each summarised by its baseline
 * (iteration 0, M = I), final and best-iteration test error. Shared by the worker and the CLI.
 */
import { trainRfm, type Dataset, type IterationRecord, type TrainHooks } from '../core';
import { datasetFromParams, type DataAssets } from '../data/sources/registry';
import type { Params } from '../params/schema';
import type { SweepPoint, SweepSpec } from '../protocol/messages';
import { optionsFromParams } from './options';

export { sweepValues } from './sweepValues';

/**
 * One run's records as a sweep point: iteration 0 is the baseline, the last is RFM, best is the best iteration
 * on the validation split when there is one, else the one with the lowest test MSE.
 */
export function summarizeRun(value: number, records: IterationRecord[]): SweepPoint {
  const first = records[0];
  const last = records.at(-1);
  if (!first || !last) throw new Error('the run produced no iterations');
  let best = first;
  for (const r of records) if ((r.testMse ?? Infinity) < (best.testMse ?? Infinity)) best = r;
  if (last.bestIteration !== null) best = records.find((r) => r.iteration === last.bestIteration) ?? best;
  return {
    value,
    baselineTestMse: first.testMse,
    finalTestMse: last.testMse,
    bestTestMse: best.testMse,
    bestIteration: best.iteration,
    baselineTestAccuracy: first.testAccuracy,
    finalTestAccuracy: last.testAccuracy,
    M: last.M,
    d: last.d,
  };
}

export async function* runSweep(
  params: Params,
  assets: DataAssets,
  sweep: SweepSpec,
  hooks: TrainHooks & { beforeRun?: (data: Dataset) => void } = {},
): AsyncGenerator<SweepPoint, void, undefined> {
  for (const value of sweep.values) {
    const pointParams: Params = { ...params, [sweep.param]: value };
    const data = await datasetFromParams(pointParams, assets);
    hooks.beforeRun?.(data);
    const records: IterationRecord[] = [];
    // A sweep point keeps no kernel spectrum, so compute the smallest one (it costs ~25% of a run at 64).
    const options = { ...optionsFromParams(pointParams), spectrumSize: 1 };
    for await (const record of trainRfm(data, options, hooks)) records.push(record);
    yield summarizeRun(value, records);
  }
}
