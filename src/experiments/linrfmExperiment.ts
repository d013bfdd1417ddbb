/**
 * A lin-RFM run from parameters (docs/linrfm.md): builds the seeded problem the parameters describe and
 * runs the engine on it, yielding one record per iteration. The one place that maps params to lin-RFM, so
 * the worker and the CLI run the same thing. The summary carries what does not change over the run (the
 * true matrix and mask as previews, or the true coefficients), sent once.
 */
import { completeMatrix, type LinRfmHooks } from '../core/linrfm/completion';
import { DEFAULT_LINRFM_OPTIONS, type LinRfmOptions } from '../core/linrfm/linrfmTypes';
import { PREVIEW_SIDE, previewIndices, previewMatrix } from '../core/linrfm/preview';
import type { LinRfmJob } from '../protocol/jobTypes';
import type { LinRfmRecord, LinRfmSummary } from '../protocol/linrfmMessages';
import { recoverSparse } from '../core/linrfm/sparse';
import { makeCompletionProblem, makeSparseProblem } from '../data/linrfmProblems';
import type { Params } from '../params/schema';
import { PHASE_OBSERVED, PHASE_RANKS, PHASE_THRESHOLD, checkPhaseSize, phaseTransition } from './linrfmPhase';

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

export type { LinRfmJob, LinRfmProblem } from '../protocol/jobTypes';
export type { LinRfmRecord, LinRfmSummary } from '../protocol/linrfmMessages';

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
