/**
 * The Download Python script of a finished (or stopped) run from what the page holds: its parameters, data
 * assets and results. The data is rebuilt from the same parameters (data/ is deterministic), so the script
 * holds the rows the worker trained on; the app's numbers come from the results. Kept apart from the
 * button (components/export/pythonKinds.ts) because it imports the data sources and the lin-RFM problems,
 * which the page loads only when a script is asked for; the tests call the same functions.
 */
import { datasetFromParams, type DataAssets } from '../data/sources/registry';
import { optionsFromParams } from '../experiments/options';
import type { Params } from '../params/schema';
import type { SweepPoint, SweepSpec } from '../protocol/messages';
import type { LinRfmRecord } from '../protocol/linrfmMessages';
import type { LinRfmJob } from '../protocol/jobTypes';
import { sweepPythonScript } from './pythonSweep';
import { linRfmPythonScript } from './pythonLinRfm';

export interface ScriptText {
  /** e.g. "preset seed" (free text). */
  description: string;
  /** The `npx rfm ...` line that reproduces the run (free text). */
  command: string;
}

/** A sweep's script: every value of the sweep, with the app's summary of each point it finished. */
export async function sweepPython(
  params: Params,
  assets: DataAssets,
  sweep: SweepSpec,
  points: readonly SweepPoint[],
  text: ScriptText,
): Promise<string> {
  const scriptPoints = [];
  for (const [k, value] of sweep.values.entries()) {
    // As experiments/sweep.ts runs a point: the swept value set in the parameters, data rebuilt from them.
    const pointParams: Params = { ...params, [sweep.param]: value };
    scriptPoints.push({
      value,
      data: await datasetFromParams(pointParams, assets),
      options: optionsFromParams(pointParams),
      app: points[k] ?? null,
    });
  }
  return sweepPythonScript({ param: sweep.param, points: scriptPoints, ...text });
}

/** A lin-RFM run's or the phase grid's script: the problem rebuilt from the parameters, embedded as data. */
export function linRfmPython(params: Params, job: LinRfmJob, records: readonly LinRfmRecord[], text: ScriptText) {
  return linRfmPythonScript(params, job, records, text);
}
