/**
 * What the page sends the worker for a job: the one normalised RunDescription (protocol/messages.ts), and
 * how many units (iterations or sweep points) the UI should expect.
 */
import type { DataAssets } from '../data/sources/source';
import { phaseCellCount } from '../experiments/linrfmPhase';
import { sweepValues } from '../experiments/sweepValues';
import type { Params } from '../params/schema';
import type { RunDescription } from '../protocol/messages';

export interface PlannedJob {
  run: RunDescription;
  jobKind: 'run' | 'sweep';
  /** T + 1 records of a run, or the points of a sweep. */
  plannedRecords: number;
}

export function describeRun(params: Params, assets: DataAssets): PlannedJob {
  // lin-RFM problems (docs/linrfm.md) are single runs: the sweep parameters do not apply to them.
  // The lin-RFM phase transition reports one record per cell of its grid.
  if (params.linrfm === 'phase')
    return { run: { params, assets, sweep: null }, jobKind: 'run', plannedRecords: phaseCellCount() };
  if (params.sweep === 'none' || params.linrfm !== 'off')
    return { run: { params, assets, sweep: null }, jobKind: 'run', plannedRecords: params.iters + 1 };
  const values = sweepValues(params.sweep, params.from, params.to, params.steps);
  return {
    run: { params, assets, sweep: { param: params.sweep, values } },
    jobKind: 'sweep',
    plannedRecords: values.length,
  };
}
