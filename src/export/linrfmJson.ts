/**
 * A lin-RFM run as JSON (docs/linrfm.md): what `rfm preset matrix-completion|sparse-recovery` writes and the
 * app's Download JSON gives for the same run. Iteration records carry `recovery_error` and, for matrix
 * completion, `singular_values`, `soft_impute_error` and M's spectrum; for sparse regression the estimate and
 * the support found. The phase grid writes one record per cell and the success grid (ranks x observed shares).
 * Pure: from the summary and the records, in the CLI (Node) and in the page.
 */
import { hasConverged, LINRFM_TOLERANCE } from '../core/linrfm/linrfmTypes';
import type { LinRfmRecord, LinRfmSummary } from '../protocol/linrfmMessages';

export interface LinRfmIterationJson {
  iter: number;
  baseline: boolean;
  recovery_error: number;
  timings_ms: Record<string, number>;
  eps: number;
  [key: string]: unknown;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

type RunRecord = Exclude<LinRfmRecord, { kind: 'phase' }>;
type PhaseRecord = Extract<LinRfmRecord, { kind: 'phase' }>['record'];

export function linRfmIterationJson({ kind, record }: RunRecord): LinRfmIterationJson {
  const common = {
    iter: record.iteration,
    baseline: record.iteration === 0,
    recovery_error: record.recoveryError,
    change: record.change,
    eps: record.eps,
    timings_ms: Object.fromEntries(Object.entries(record.timings).map(([k, v]) => [k, round(v)])),
  };
  if (kind === 'completion')
    return {
      ...common,
      soft_impute_error: record.softImputeError,
      observed_residual: record.observedResidual,
      singular_values: Array.from(record.singularValues),
      M_spectrum: Array.from(record.mSpectrum),
      truncated_metric: record.truncated,
    };
  return {
    ...common,
    estimate: Array.from(record.estimate),
    M_diagonal: Array.from(record.mDiagonal),
    support: Array.from(record.support),
  };
}

export function phaseCellJson(record: PhaseRecord) {
  return {
    cell: record.iteration,
    rank: record.rank,
    observed: record.observed,
    degrees_of_freedom: record.degreesOfFreedom,
    recovery_error: record.recoveryError,
    success: record.success,
    nuclear_norm_error: record.nuclearError,
    nuclear_norm_converged: record.nuclearConverged,
    nuclear_norm_success: record.nuclearSuccess,
  };
}

/**
 * The data, per-iteration (or per-cell) records and metrics of a lin-RFM run, as the CLI writes them;
 * `iterationBudget` is the iters parameter (the run stops earlier once converged).
 */
export function linRfmResultJson(summary: LinRfmSummary, records: readonly LinRfmRecord[], iterationBudget: number) {
  if (summary.kind === 'phase') {
    const cells = records.flatMap((r) => (r.kind === 'phase' ? [r.record] : []));
    const grid = (won: (c: PhaseRecord) => boolean) =>
      summary.ranks.map((rank) =>
        summary.observed.map((p) => cells.some((c) => c.rank === rank && c.observed === p && won(c))),
      );
    return {
      data: { rows: summary.rows, cols: summary.cols, ranks: summary.ranks, observed: summary.observed },
      iterations: cells.map(phaseCellJson) as Record<string, unknown>[],
      metrics: {
        threshold: summary.threshold,
        iterations_per_cell: summary.iterations,
        success_by_rank: grid((c) => c.success),
        nuclear_norm_success_by_rank: grid((c) => c.nuclearSuccess),
      } as Record<string, unknown>,
    };
  }
  const data =
    summary.kind === 'completion'
      ? { rows: summary.rows, cols: summary.cols, rank: summary.rank, observed_entries: summary.observedCount }
      : { n: summary.n, d: summary.d, k: summary.k, true_support: trueSupport(summary.beta) };
  const runRecords = records.filter((r): r is RunRecord => r.kind !== 'phase');
  const lastRecord = runRecords.at(-1);
  const iterations = runRecords.map(linRfmIterationJson);
  const first = iterations[0];
  const last = iterations.at(-1);
  const metrics: Record<string, unknown> = {
    baseline_recovery_error: first?.recovery_error ?? null,
    final_recovery_error: last?.recovery_error ?? null,
    recovery_error_by_iteration: iterations.map((i) => i.recovery_error),
    // The run stops once the estimate changes by less than the tolerance (the baseline's own rule).
    iteration_budget: iterationBudget,
    stopped_at_iteration: last?.iter ?? null,
    converged: lastRecord !== undefined && hasConverged(lastRecord.record.change, { tolerance: LINRFM_TOLERANCE }),
  };
  if (summary.kind === 'completion') {
    // The converged nuclear-norm baseline (computed once, docs/linrfm.md): its error, sweeps and whether it converged.
    const lastCompletion = lastRecord?.kind === 'completion' ? lastRecord.record : null;
    metrics.nuclear_norm_error = lastCompletion?.softImputeError ?? null;
    metrics.nuclear_norm_sweeps = lastCompletion?.softImputeSweeps ?? null;
    metrics.nuclear_norm_converged = lastCompletion?.softImputeConverged ?? null;
  }
  if (summary.kind === 'sparse') {
    const found = (last?.support as number[] | undefined) ?? [];
    metrics.support_found = found;
    metrics.support_exact = sameSet(found, trueSupport(summary.beta));
  }
  return { data, iterations: iterations as Record<string, unknown>[], metrics };
}

function trueSupport(beta: ArrayLike<number>): number[] {
  const out: number[] = [];
  Array.from(beta).forEach((b, j) => b !== 0 && out.push(j));
  return out;
}

function sameSet(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
