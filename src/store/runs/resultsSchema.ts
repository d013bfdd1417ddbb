/**
 * The schema of a kept sweep's or lin-RFM run's results (Deep RFM's and ConvRFM's: deepResultsSchema.ts, convResultsSchema.ts) in a runs file or in storage (keptResults.ts): every
 * field checked for its type and range, unknown fields refused, array sizes held to the problem's own sizes.
 * Called from runSchema.ts, which names the run in the message.
 */
import { storedPoint } from './datasetSchema';
import { storedConvResults } from './convResultsSchema';
import { storedDeepResults } from './deepResultsSchema';
import { bool, exactObject, fail, finite, integer, list, nullable, numberOrNaN, oneOf, typedArray } from './check';
import type { StoredLinRfmRecord, StoredResults, StoredSummary } from './keptResults';

/** What one kept run's results may hold. */
export const RESULTS_LIMITS = { points: 200, records: 1001, cells: 10_000, side: 10_000, d: 2048, preview: 120 * 120 };

const error = (v: unknown, p: string) => numberOrNaN(v, p, 0);
const count = (v: unknown, p: string, max = RESULTS_LIMITS.side) => integer(v, p, 0, max);
const f32 = (v: unknown, p: string, length: number, exact = true) => {
  const a = typedArray(v, p, '$f32', length);
  if (exact && a.length !== length) fail(p, `holds ${a.length} values, not ${length}`);
  return a;
};

function storedSummary(value: unknown, path: string): StoredSummary {
  const kind = oneOf((value as { kind?: unknown } | null)?.kind, `${path}.kind`, ['completion', 'sparse', 'phase']);
  if (kind === 'completion') {
    const s = exactObject(value, path, ['kind', 'rows', 'cols', 'rank', 'observedCount', 'previewRows', 'previewCols', 'truthPreview', 'maskPreview', 'basisSize', 'exactUpTo']); // prettier-ignore
    const rows = count(s.rows, `${path}.rows`);
    const cols = count(s.cols, `${path}.cols`);
    const previewRows = count(s.previewRows, `${path}.previewRows`, 120);
    const previewCols = count(s.previewCols, `${path}.previewCols`, 120);
    return {
      kind,
      rows,
      cols,
      rank: count(s.rank, `${path}.rank`),
      observedCount: integer(s.observedCount, `${path}.observedCount`, 0, rows * cols),
      previewRows,
      previewCols,
      truthPreview: f32(s.truthPreview, `${path}.truthPreview`, previewRows * previewCols),
      maskPreview: f32(s.maskPreview, `${path}.maskPreview`, previewRows * previewCols),
      basisSize: count(s.basisSize, `${path}.basisSize`),
      exactUpTo: count(s.exactUpTo, `${path}.exactUpTo`),
    };
  }
  if (kind === 'sparse') {
    const s = exactObject(value, path, ['kind', 'n', 'd', 'k', 'beta']);
    const d = count(s.d, `${path}.d`);
    return { kind, n: count(s.n, `${path}.n`), d, k: count(s.k, `${path}.k`), beta: f32(s.beta, `${path}.beta`, d) };
  }
  const s = exactObject(value, path, ['kind', 'rows', 'cols', 'ranks', 'observed', 'threshold', 'iterations', 'power']);
  return {
    kind,
    rows: count(s.rows, `${path}.rows`),
    cols: count(s.cols, `${path}.cols`),
    ranks: list(s.ranks, `${path}.ranks`, 100, (v, p) => count(v, p)),
    observed: list(s.observed, `${path}.observed`, 100, (v, p) => finite(v, p, 0, 1)),
    threshold: finite(s.threshold, `${path}.threshold`, 0),
    iterations: count(s.iterations, `${path}.iterations`),
    power: finite(s.power, `${path}.power`, 0),
  };
}

function storedLinRfmRecord(value: unknown, path: string, summary: StoredSummary): StoredLinRfmRecord {
  const wrapper = exactObject(value, path, ['kind', 'record']);
  const p = `${path}.record`;
  if (wrapper.kind !== summary.kind) fail(`${path}.kind`, `must be ${summary.kind}, the kind of the run's problem`);
  if (summary.kind === 'completion') {
    const r = exactObject(wrapper.record, p, ['iteration', 'recoveryError', 'change', 'softImputeError', 'softImputeSweeps', 'softImputeConverged', 'observedResidual', 'singularValues', 'mSpectrum', 'truncated', 'eps', 'preview', 'timings']); // prettier-ignore
    const t = exactObject(r.timings, `${p}.timings`, ['solve', 'update', 'baseline']);
    const side = Math.max(summary.rows, summary.cols);
    return {
      kind: summary.kind,
      record: {
        iteration: count(r.iteration, `${p}.iteration`),
        recoveryError: error(r.recoveryError, `${p}.recoveryError`),
        change: nullable(error)(r.change, `${p}.change`),
        softImputeError: nullable(error)(r.softImputeError, `${p}.softImputeError`),
        softImputeSweeps: nullable((v, q) => count(v, q, 1e6))(r.softImputeSweeps, `${p}.softImputeSweeps`),
        softImputeConverged: nullable(bool)(r.softImputeConverged, `${p}.softImputeConverged`),
        observedResidual: error(r.observedResidual, `${p}.observedResidual`),
        singularValues: f32(r.singularValues, `${p}.singularValues`, side, false),
        mSpectrum: f32(r.mSpectrum, `${p}.mSpectrum`, side, false),
        truncated: bool(r.truncated, `${p}.truncated`),
        eps: finite(r.eps, `${p}.eps`, 0),
        preview: f32(r.preview, `${p}.preview`, summary.previewRows * summary.previewCols),
        timings: { solve: finite(t.solve, `${p}.timings.solve`, 0), update: finite(t.update, `${p}.timings.update`, 0), baseline: finite(t.baseline, `${p}.timings.baseline`, 0) }, // prettier-ignore
      },
    };
  }
  if (summary.kind === 'sparse') {
    const r = exactObject(wrapper.record, p, ['iteration', 'recoveryError', 'change', 'estimate', 'mDiagonal', 'support', 'eps', 'timings']); // prettier-ignore
    const t = exactObject(r.timings, `${p}.timings`, ['solve', 'update']);
    const support = typedArray(r.support, `${p}.support`, '$i32', summary.d);
    if (support.some((j) => j < 0 || j >= summary.d)) fail(`${p}.support`, `must hold indices below d = ${summary.d}`);
    return {
      kind: summary.kind,
      record: {
        iteration: count(r.iteration, `${p}.iteration`),
        recoveryError: error(r.recoveryError, `${p}.recoveryError`),
        change: nullable(error)(r.change, `${p}.change`),
        estimate: f32(r.estimate, `${p}.estimate`, summary.d),
        mDiagonal: f32(r.mDiagonal, `${p}.mDiagonal`, summary.d),
        support,
        eps: finite(r.eps, `${p}.eps`, 0),
        timings: {
          solve: finite(t.solve, `${p}.timings.solve`, 0),
          update: finite(t.update, `${p}.timings.update`, 0),
        },
      },
    };
  }
  const r = exactObject(wrapper.record, p, ['iteration', 'rank', 'observed', 'recoveryError', 'success', 'degreesOfFreedom', 'nuclearError', 'nuclearConverged', 'nuclearSuccess']); // prettier-ignore
  return {
    kind: summary.kind,
    record: {
      iteration: count(r.iteration, `${p}.iteration`, RESULTS_LIMITS.cells),
      rank: count(r.rank, `${p}.rank`),
      observed: finite(r.observed, `${p}.observed`, 0, 1),
      recoveryError: error(r.recoveryError, `${p}.recoveryError`),
      success: bool(r.success, `${p}.success`),
      degreesOfFreedom: finite(r.degreesOfFreedom, `${p}.degreesOfFreedom`, 0),
      nuclearError: error(r.nuclearError, `${p}.nuclearError`),
      nuclearConverged: bool(r.nuclearConverged, `${p}.nuclearConverged`),
      nuclearSuccess: bool(r.nuclearSuccess, `${p}.nuclearSuccess`),
    },
  };
}

/** A kept run's results, checked against the kind of job its parameters describe. */
export function storedResults(value: unknown, path: string, kind: string): StoredResults {
  const given = (value as { kind?: unknown } | null)?.kind;
  if (given !== kind) fail(`${path}.kind`, `must be ${kind}, the kind of run its parameters describe`);
  if (kind === 'sweep') {
    const r = exactObject(value, path, ['kind', 'points']);
    const points = list(r.points, `${path}.points`, RESULTS_LIMITS.points, (v, p) =>
      storedPoint(v, p, RESULTS_LIMITS.d),
    );
    return { kind, points };
  }
  if (kind === 'deep-rfm') return storedDeepResults(value, path);
  if (kind === 'convrfm') return storedConvResults(value, path);
  if (kind !== 'linrfm' && kind !== 'linrfm-phase') fail(`${path}.kind`, `a run of kind ${kind} keeps no results`);
  const r = exactObject(value, path, ['kind', 'summary', 'records']);
  const summary = storedSummary(r.summary, `${path}.summary`);
  if ((summary.kind === 'phase') !== (kind === 'linrfm-phase'))
    fail(`${path}.summary.kind`, `${summary.kind} is not the problem of a ${kind} run`);
  const max = kind === 'linrfm-phase' ? RESULTS_LIMITS.cells : RESULTS_LIMITS.records;
  const records = list(r.records, `${path}.records`, max, (v, p) => storedLinRfmRecord(v, p, summary));
  return { kind, summary, records };
}
