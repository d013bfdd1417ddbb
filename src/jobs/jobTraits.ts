/**
 * What each kind of job is, in one table (docs/architecture.md, "Adding a kind of run"): what a unit
 * of its progress is, whether Step and the runs list apply, and how many units to expect (what results
 * it has is its variant of `Results`, store/results.ts). Pure facts over params and core types: the worker, the store, the panels and the CLI
 * read them; their own per-kind tables (`Record<JobKind, …>`) hold what needs their layer's imports.
 */
import { plannedLeaves } from '../core/tree/treeLimits';
import { phaseCellCount } from '../experiments/linrfmPhase';
import type { Params } from '../params/schema';
import type { Job, JobKind } from './job';

export interface JobTraits {
  /** Words for the kind (status lines, the CLI's log). */
  label: string;
  /**
   * What the status line and the announcer count: iterations of a run, points of a sweep, Deep RFM's layers,
   * cells of the lin-RFM phase grid, leaves of a tree run, SGD steps of the catapults sweep (all its runs').
   */
  unit: 'iteration' | 'point' | 'layer' | 'cell' | 'leaf' | 'step';
  /** Step runs one iteration and pauses (not for a sweep, whose points each run to the end). */
  steppable: boolean;
  /** The runs list keeps it when it ends (the kept run shows its results again without retraining). */
  kept: boolean;
  /** The remaining time is estimated from its iteration records' pace. */
  timed: boolean;
  /** The units (records, points, cells) the UI should expect. */
  planned: (params: Params, job: Job) => number;
}

const iterations = (params: Params) => params.iters + 1;
/** Deep RFM's layers: the AGOP stack's, then the control's. */
const deepLayers = (params: Params) => 2 * params.depth;

export const JOBS: { readonly [K in JobKind]: JobTraits } = {
  rfm: {
    label: 'RFM run',
    unit: 'iteration',
    steppable: true,
    kept: true,
    timed: true,
    planned: iterations,
  },
  'rfm+nn': {
    label: 'RFM run and network',
    unit: 'iteration',
    steppable: true,
    kept: true,
    timed: true,
    planned: iterations,
  },
  sweep: {
    label: 'sweep',
    unit: 'point',
    steppable: false,
    kept: true,
    timed: false,
    planned: (_, job) => (job.kind === 'sweep' ? job.sweep.values.length : 0),
  },
  linrfm: {
    label: 'lin-RFM run',
    unit: 'iteration',
    steppable: true,
    kept: true,
    timed: false,
    planned: iterations,
  },
  'linrfm-phase': {
    label: 'lin-RFM phase grid',
    unit: 'cell',
    steppable: true,
    kept: true,
    timed: false,
    planned: () => phaseCellCount(),
  },
  'deep-rfm': {
    label: 'Deep RFM run',
    unit: 'layer',
    steppable: true,
    kept: true,
    timed: false,
    planned: deepLayers,
  },
  convrfm: {
    label: 'ConvRFM run',
    unit: 'iteration',
    steppable: true,
    // Kept with its own records and comparisons (store/runs/keptResults.ts), as Deep RFM and lin-RFM are.
    kept: true,
    timed: false,
    planned: iterations,
  },
  // An AGOP tree (docs/trees.md): its units are leaves, each a whole RFM run; not kept (its leaves' M are many).
  tree: {
    label: 'AGOP tree',
    unit: 'leaf',
    steppable: false,
    kept: false,
    timed: false,
    planned: (_, job) => (job.kind === 'tree' ? plannedLeaves(job.trainRows, job.leafSize) : 0),
  },
  // The catapults sweep (docs/catapults.md): steps 0..sgdsteps of each run; Step takes one SGD step.
  catapults: {
    label: 'catapults sweep',
    unit: 'step',
    steppable: true,
    kept: false,
    timed: false,
    planned: (params, job) => (job.kind === 'catapults' ? job.runs.length * (params.sgdsteps + 1) : 0),
  },
};

/** The traits of a job's kind. */
export const jobTraits = (job: Job | JobKind): JobTraits => JOBS[typeof job === 'string' ? job : job.kind];
