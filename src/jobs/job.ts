/**
 * What kind of work a run is, decided once from the parameters: an RFM run, an RFM with a network beside
 * it, a sweep, a lin-RFM problem or the lin-RFM phase grid (docs/architecture.md). The job travels in the
 * worker's start command (protocol/messages.ts; the types are protocol/jobTypes.ts's) and every layer
 * switches on `job.kind` with an exhaustive switch or a `Record<JobKind, …>` table, so a new kind fails to
 * compile until each layer has said what it does with it. This is the only module that reads the flags deciding the kind (params.linrfm, params.sweep,
 * params.model: rfm+nn, deep-rfm, convrfm or catapults; params.leaf against the planned training rows); src/jobs/noFlagChecks.test.ts keeps it so. ConvRFM and deep RFM join here as variants.
 */
import { needsTree } from '../core/tree/treeLimits';
import { sourceOf } from '../data/sources/descriptors';
import { catapultPlan } from '../experiments/catapultPlan';
import { sweepValues } from '../experiments/sweepValues';
import type { Params } from '../params/schema';
import type { Job, JobKind, SweepParam } from '../protocol/jobTypes';
import type { DataAssets } from '../protocol/messages';

export type {
  CatapultPlanEntry,
  Job,
  JobKind,
  JobOf,
  LinRfmJob,
  LinRfmProblem,
  SweepParam,
  SweepSpec,
} from '../protocol/jobTypes';

/**
 * Training rows the data promises (the parameters, or the checked CSV's row count in `assets`), or null
 * where only the built data set can tell (small built-in tables).
 */
export function plannedTrainRows(params: Params, assets: DataAssets = {}): number | null {
  return sourceOf(params.data).plannedTrainRows?.(params, assets) ?? null;
}

/**
 * The kind of job the parameters describe. lin-RFM comes first (its problems ignore the data and sweep
 * parameters), then a sweep (whose runs train no network), then the network beside the RFM, then an AGOP
 * tree where the data has more training rows than the leaf size (docs/trees.md).
 */
export function jobKindOf(params: Params, assets: DataAssets = {}): JobKind {
  if (params.linrfm === 'phase') return 'linrfm-phase';
  if (params.linrfm !== 'off') return 'linrfm';
  // Deep RFM runs its own stack of layers: no sweep, no network beside it.
  if (params.model === 'deep-rfm') return 'deep-rfm';
  // ConvRFM runs its own comparisons (the plain RFM, a second layer), never a sweep of them.
  if (params.model === 'convrfm') return 'convrfm';
  // Catapults train their own network by SGD over a sweep of batch sizes (docs/catapults.md), never a sweep of RFMs.
  if (params.model === 'catapults') return 'catapults';
  if (params.sweep !== 'none') return 'sweep';
  if (params.model === 'rfm+nn') return 'rfm+nn';
  if (needsTree(plannedTrainRows(params, assets) ?? 0, params.leaf)) return 'tree';
  return 'rfm';
}

/** The job the parameters describe, with what its kind needs (a sweep's values, a lin-RFM problem). */
export function jobFromParams(params: Params, assets: DataAssets = {}): Job {
  const kind = jobKindOf(params, assets);
  switch (kind) {
    case 'rfm':
    case 'rfm+nn':
    case 'linrfm-phase':
    case 'deep-rfm':
    case 'convrfm':
      return { kind };
    case 'linrfm':
      return { kind, problem: params.linrfm === 'sparse' ? 'sparse' : 'completion' };
    case 'sweep': {
      const param = params.sweep as SweepParam;
      return { kind, sweep: { param, values: sweepValues(param, params.from, params.to, params.steps) } };
    }
    case 'catapults':
      return { kind, runs: catapultPlan(params) };
    case 'tree':
      return { kind, leafSize: params.leaf, trainRows: plannedTrainRows(params, assets) ?? 0 };
  }
}

/** The parameter the parameters would sweep, or null when they describe no sweep. */
export function sweepParamOf(params: Params): SweepParam | null {
  return jobKindOf(params) === 'sweep' ? (params.sweep as SweepParam) : null;
}

/** Whether a job of this kind runs the lin-RFM engine (docs/linrfm.md) rather than the kernel RFM. */
export function isLinRfmKind(kind: JobKind): boolean {
  return kind === 'linrfm' || kind === 'linrfm-phase';
}
