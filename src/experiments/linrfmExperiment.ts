/**
 * A lin-RFM run from parameters (docs/linrfm.md): builds the seeded problem the parameters describe and
 * runs the engine on it, yielding one record per iteration. The one place that maps params to lin-RFM, so
 * the worker and the CLI run the same thing. The summary carries what does not change over the run (the
 * true matrix and mask as previews, or the true coefficients), sent once.
 */
import { completeMatrix, type LinRfmHooks } from '../core/linrfm/completion';
import {
  DEFAULT_LINRFM_OPTIONS,
  type CompletionRecord,
  type LinRfmOptions,
  type SparseRecord,
} from '../core/linrfm/linrfmTypes';
import { PREVIEW_SIDE, previewIndices, previewMatrix } from '../core/linrfm/preview';
import { recoverSparse } from '../core/linrfm/sparse';
import { makeCompletionProblem, makeSparseProblem } from '../data/linrfmProblems';
import type { Params } from '../params/schema';
import {
  PHASE_OBSERVED,
  PHASE_RANKS,
  PHASE_THRESHOLD,
  checkPhaseSize,
  phaseTransition,
  type PhaseCell,
} from './linrfmPhase';

export type LinRfmSummary =
  | {
      kind: 'completion';
      rows: number;
      cols: number;
      rank: number;
      observedCount: number;
      /** Preview grid size (at most PREVIEW_SIDE per side). */
      previewRows: number;
      previewCols: number;
      /** The true matrix and the mask on the preview grid, row-major. */
      truthPreview: Float32Array;
      maskPreview: Uint8Array;
      /** M's rank cap above exactUpTo columns (docs/linrfm.md). */
      basisSize: number;
      /** M is exact up to this many columns. */
      exactUpTo: number;
    }
  | { kind: 'sparse'; n: number; d: number; k: number; beta: Float64Array }
  | {
      kind: 'phase';
      rows: number;
      cols: number;
      ranks: readonly number[];
      observed: readonly number[];
      threshold: number;
      iterations: number;
      /** lin-RFM's power s, for the caption. */
      power: number;
    };

export type LinRfmRecord =
  | { kind: 'completion'; record: CompletionRecord }
  | { kind: 'sparse'; record: SparseRecord }
  | { kind: 'phase'; record: PhaseCell };

export function linRfmOptionsFromParams(p: Params): LinRfmOptions {
  return {
    ...DEFAULT_LINRFM_OPTIONS,
    iterations: p.iters,
    power: p.s,
    epsDecay: p.decay,
    basisSize: p.basis,
    seed: p.seed,
  };
}

/** A lin-RFM problem (docs/linrfm.md): matrix completion or sparse recovery. */
export type LinRfmProblem = 'completion' | 'sparse';

/**
 * Which lin-RFM work to run: the lin-RFM variants of the job (jobs/job.ts's `Job` carries these
 * shapes), decided once from the parameters, never re-read from params.linrfm here.
 */
export type LinRfmJob = { kind: 'linrfm'; problem: LinRfmProblem } | { kind: 'linrfm-phase' };

export interface LinRfmRun {
  summary: LinRfmSummary;
  records: AsyncGenerator<LinRfmRecord>;
}

/** Builds the job's problem (may throw DataError) and returns its summary and the iteration records. */
export function startLinRfm(job: LinRfmJob, params: Params, hooks: LinRfmHooks = {}): LinRfmRun {
  const options = linRfmOptionsFromParams(params);
  if (job.kind === 'linrfm-phase') {
    const grid = { ranks: PHASE_RANKS, observed: PHASE_OBSERVED };
    const { rows, cols, noise, seed } = params;
    checkPhaseSize(rows, cols, grid);
    async function* records(): AsyncGenerator<LinRfmRecord> {
      for await (const record of phaseTransition({ rows, cols, noise, seed }, options, grid, hooks))
        yield { kind: 'phase', record };
    }
    return {
      summary: {
        kind: 'phase',
        rows,
        cols,
        ...grid,
        threshold: PHASE_THRESHOLD,
        iterations: params.iters,
        power: params.s,
      },
      records: records(),
    };
  }
  if (job.problem === 'sparse') {
    const problem = makeSparseProblem({
      n: params.n,
      d: params.d,
      k: params.k,
      noise: params.noise,
      seed: params.seed,
    });
    async function* records(): AsyncGenerator<LinRfmRecord> {
      for await (const record of recoverSparse(problem, options, hooks)) yield { kind: 'sparse', record };
    }
    return {
      summary: { kind: 'sparse', n: problem.n, d: problem.d, k: params.k, beta: Float64Array.from(problem.beta) },
      records: records(),
    };
  }
  const problem = makeCompletionProblem({
    rows: params.rows,
    cols: params.cols,
    rank: params.rank,
    observed: params.observed,
    noise: params.noise,
    seed: params.seed,
  });
  const rows = previewIndices(problem.rows, PREVIEW_SIDE);
  const cols = previewIndices(problem.cols, PREVIEW_SIDE);
  let observedCount = 0;
  for (const v of problem.mask) observedCount += v;
  async function* records(): AsyncGenerator<LinRfmRecord> {
    for await (const record of completeMatrix(problem, options, hooks)) yield { kind: 'completion', record };
  }
  return {
    summary: {
      kind: 'completion',
      rows: problem.rows,
      cols: problem.cols,
      rank: params.rank,
      observedCount,
      previewRows: rows.length,
      previewCols: cols.length,
      truthPreview: previewMatrix(problem.truth, problem.cols, rows, cols),
      maskPreview: Uint8Array.from(previewMatrix(problem.mask, problem.cols, rows, cols)),
      basisSize: options.basisSize,
      exactUpTo: options.exactUpTo,
    },
    records: records(),
  };
}

/** The buffers of a summary, for postMessage's transfer list. */
export function linRfmSummaryTransferables(summary: LinRfmSummary): ArrayBuffer[] {
  if (summary.kind === 'completion')
    return [summary.truthPreview.buffer as ArrayBuffer, summary.maskPreview.buffer as ArrayBuffer];
  return summary.kind === 'sparse' ? [summary.beta.buffer as ArrayBuffer] : [];
}

/** The buffers of a record, for postMessage's transfer list. */
export function linRfmTransferables(record: LinRfmRecord): ArrayBuffer[] {
  if (record.kind === 'phase') return [];
  const arrays: ArrayBufferView[] =
    record.kind === 'completion'
      ? [record.record.singularValues, record.record.mSpectrum, record.record.preview]
      : [record.record.estimate, record.record.mDiagonal, record.record.support];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}
