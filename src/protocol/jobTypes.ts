/**
 * The job as it crosses to the worker (docs/architecture.md): what kind of work a run is, with what that
 * kind needs. Types only, over params; jobs/job.ts decides a job from the parameters (the only code that
 * reads the flags deciding the kind) and re-exports these. ConvRFM and deep RFM join here as variants.
 */
import type { Params } from '../params/schema';

/** A parameter a sweep can vary. */
export type SweepParam = Exclude<Params['sweep'], 'none'>;

/** A sweep: one full run per value of one numeric parameter. */
export interface SweepSpec {
  param: SweepParam;
  values: number[];
}

/** A lin-RFM problem (docs/linrfm.md): matrix completion or sparse recovery. */
export type LinRfmProblem = 'completion' | 'sparse';

/** One SGD run of the catapults sweep (docs/catapults.md; experiments/catapultPlan.ts decides them). */
export interface CatapultPlanEntry {
  /** Points per SGD step (at most n). */
  batchSize: number;
  /** The learning rate as a multiple of 2 / lambda_max of the tangent kernel at initialisation. */
  lrScale: number;
  /** The small-step run the others are set against. */
  control: boolean;
}

export type Job =
  /** A kernel RFM on the data the parameters describe, params.iters updates of M. */
  | { kind: 'rfm' }
  /** The RFM, then a network trained on the same data beside it (docs/nfa.md). */
  | { kind: 'rfm+nn' }
  /** One RFM run per value of one parameter; the results are sweep points. */
  | { kind: 'sweep'; sweep: SweepSpec }
  /** A lin-RFM problem (docs/linrfm.md): matrix completion or sparse recovery. */
  | { kind: 'linrfm'; problem: LinRfmProblem }
  /** The lin-RFM phase transition: one matrix completion per cell of a rank x observed-share grid. */
  | { kind: 'linrfm-phase' }
  /** Deep RFM and its control without the AGOP, measured for neural collapse layer by layer (docs/deeprfm.md). */
  | { kind: 'deep-rfm' }
  /** ConvRFM on image patches (docs/convrfm.md), then the plain RFM on the pixels and, with params.deep, a second layer. */
  | { kind: 'convrfm' }
  /** An AGOP tree of RFMs (docs/trees.md): more training rows than the leaf size, one RFM per leaf. */
  | { kind: 'tree'; leafSize: number; trainRows: number }
  /** A two-layer network by plain SGD past its edge of stability, one run per batch size (docs/catapults.md). */
  | { kind: 'catapults'; runs: CatapultPlanEntry[] };

export type JobKind = Job['kind'];

/** The job of a given kind. */
export type JobOf<K extends JobKind> = Extract<Job, { kind: K }>;

/** The lin-RFM jobs: what the lin-RFM experiment (experiments/linrfmExperiment.ts) runs. */
export type LinRfmJob = JobOf<'linrfm'> | JobOf<'linrfm-phase'>;
