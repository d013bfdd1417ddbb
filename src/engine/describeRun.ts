/**
 * What the page sends the worker for a job: the one normalised RunDescription (protocol/messages.ts), with
 * the job its parameters describe (jobs/job.ts), and how many units (iterations, cells or sweep points) the
 * UI should expect.
 */
import type { DataAssets } from '../data/sources/source';
import { jobFromParams } from '../jobs/job';
import { jobTraits } from '../jobs/jobTraits';
import type { Params } from '../params/schema';
import type { RunDescription } from '../protocol/messages';

export interface PlannedJob {
  run: RunDescription;
  /** T + 1 records of a run, the cells of the phase grid, or the points of a sweep. */
  plannedRecords: number;
}

export function describeRun(params: Params, assets: DataAssets): PlannedJob {
  const job = jobFromParams(params, assets);
  return { run: { params, assets, job }, plannedRecords: jobTraits(job).planned(params, job) };
}
