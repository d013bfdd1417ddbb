/**
 * `rfm preset matrix-completion|sparse-recovery` (or any preset with --set linrfm=...): runs lin-RFM
 * (docs/linrfm.md) and returns the JSON of a preset run whose iteration records carry `recovery_error`
 * and, for matrix completion, `singular_values`, `soft_impute_error` and M's spectrum; for sparse
 * regression the estimate and the support found.
 */
import { hasConverged, LINRFM_TOLERANCE } from '../core/linrfm/linrfmTypes';
import { startLinRfm, type LinRfmJob, type LinRfmRecord } from '../experiments/linrfmExperiment';
import type { Params } from '../params/schema';

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

function iterationJson({ kind, record }: RunRecord): LinRfmIterationJson {
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

/** The phase transition: one JSON record per cell, and the success grid (ranks x observed shares). */
async function runPhase(run: ReturnType<typeof startLinRfm>, log: (line: string) => void) {
  const { summary } = run;
  if (summary.kind !== 'phase') throw new Error('expected a phase-transition run');
  const cells: Record<string, unknown>[] = [];
  for await (const { kind, record } of run.records) {
    if (kind !== 'phase') continue;
    cells.push({
      cell: record.iteration,
      rank: record.rank,
      observed: record.observed,
      degrees_of_freedom: record.degreesOfFreedom,
      recovery_error: record.recoveryError,
      success: record.success,
      nuclear_norm_error: record.nuclearError,
      nuclear_norm_converged: record.nuclearConverged,
      nuclear_norm_success: record.nuclearSuccess,
    });
    log(
      `cell ${record.iteration + 1}/${summary.ranks.length * summary.observed.length}  rank ${record.rank}  observed ${record.observed}  recovery error ${record.recoveryError.toExponential(3)}${record.success ? '  recovered' : ''}  nuclear norm ${record.nuclearError.toExponential(3)}${record.nuclearConverged ? '' : ' (not converged)'}${record.nuclearSuccess ? '  recovered' : ''}`,
    );
  }
  const success = summary.ranks.map((rank) =>
    summary.observed.map((p) => cells.some((c) => c.rank === rank && c.observed === p && c.success)),
  );
  const nuclearSuccess = summary.ranks.map((rank) =>
    summary.observed.map((p) => cells.some((c) => c.rank === rank && c.observed === p && c.nuclear_norm_success)),
  );
  return {
    data: { rows: summary.rows, cols: summary.cols, ranks: summary.ranks, observed: summary.observed },
    iterations: cells,
    metrics: {
      threshold: summary.threshold,
      iterations_per_cell: summary.iterations,
      success_by_rank: success,
      nuclear_norm_success_by_rank: nuclearSuccess,
    },
  };
}

export async function runLinRfmPreset(job: LinRfmJob, params: Params, log: (line: string) => void) {
  const run = startLinRfm(job, params);
  const { summary } = run;
  if (summary.kind === 'phase') return runPhase(run, log);
  const data =
    summary.kind === 'completion'
      ? { rows: summary.rows, cols: summary.cols, rank: summary.rank, observed_entries: summary.observedCount }
      : { n: summary.n, d: summary.d, k: summary.k, true_support: trueSupport(summary.beta) };
  const iterations: LinRfmIterationJson[] = [];
  let lastRecord: LinRfmRecord | null = null;
  for await (const record of run.records) {
    if (record.kind === 'phase') continue;
    lastRecord = record;
    const json = iterationJson(record);
    iterations.push(json);
    const ms = Object.values(json.timings_ms).reduce((a, b) => a + b, 0);
    const extra =
      record.kind === 'completion' && record.record.softImputeError !== null
        ? `  nuclear-norm minimum ${record.record.softImputeError.toExponential(3)}`
        : record.kind === 'sparse'
          ? `  support ${record.record.support.length}`
          : '';
    log(
      `iter ${json.iter}/${params.iters}  recovery error ${json.recovery_error.toExponential(3)}${extra}  ${(ms / 1000).toFixed(2)} s`,
    );
  }
  const first = iterations[0];
  const last = iterations.at(-1);
  const metrics: Record<string, unknown> = {
    baseline_recovery_error: first?.recovery_error ?? null,
    final_recovery_error: last?.recovery_error ?? null,
    recovery_error_by_iteration: iterations.map((i) => i.recovery_error),
    // The run stops once the estimate changes by less than the tolerance (the baseline's own rule).
    iteration_budget: params.iters,
    stopped_at_iteration: last?.iter ?? null,
    converged: lastRecord !== null && hasConverged(lastRecord.record.change, { tolerance: LINRFM_TOLERANCE }),
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
  return { data, iterations, metrics };
}

function trueSupport(beta: Float64Array): number[] {
  const out: number[] = [];
  beta.forEach((b, j) => b !== 0 && out.push(j));
  return out;
}

function sameSet(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
