/**
 * The numbers behind each chart as table data (ValuesDetails): pure functions of records, so the text
 * alternative shows exactly what the chart draws.
 */
import type { IterationRecord } from '../../core';
import type { SweepPoint } from '../../protocol/messages';
import { formatValue } from '../../viz/format';
import { BLOCK } from './matrixBlocks';
import type { ValuesTableData } from './ValuesDetails';

const num = (v: number | null) => (v === null || Number.isNaN(v) ? '–' : formatValue(v));
const pct = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)}%`);
const iterationName = (t: number) => (t === 0 ? '0 (baseline)' : String(t));

/** Largest d for which the whole matrix is tabulated; above it, the diagonal. */
export const FULL_MATRIX_MAX_D = 16;
/** Spectrum columns: the first eigenvalues of each iteration. */
export const SPECTRUM_COLUMNS = 8;

export function errorValues(records: readonly IterationRecord[]): ValuesTableData {
  return {
    columns: ['iteration', 'train MSE', 'test MSE'],
    rows: records.map((r) => [iterationName(r.iteration), num(r.trainMse), num(r.testMse)]),
  };
}

export function accuracyValues(records: readonly IterationRecord[]): ValuesTableData {
  return {
    columns: ['iteration', 'train accuracy', 'test accuracy'],
    rows: records.map((r) => [iterationName(r.iteration), pct(r.trainAccuracy), pct(r.testAccuracy)]),
  };
}

export function spectrumValues(records: readonly IterationRecord[]): ValuesTableData {
  const k = Math.min(SPECTRUM_COLUMNS, Math.max(0, ...records.map((r) => r.kernelEigenvalues.length)));
  return {
    columns: ['iteration', ...Array.from({ length: k }, (_, i) => `λ${i + 1}`)],
    rows: records.map((r) => [
      iterationName(r.iteration),
      ...Array.from({ length: k }, (_, i) => num(r.kernelEigenvalues[i] ?? null)),
    ]),
    note: `The first ${k} eigenvalues of K per iteration, largest first.`,
  };
}

/** M in full for small d, else its diagonal (feature, M_ii). */
export function matrixValues(M: ArrayLike<number>, d: number, labels: readonly string[] | undefined): ValuesTableData {
  const name = (i: number) => labels?.[i] ?? `x${i + 1}`;
  if (d <= FULL_MATRIX_MAX_D) {
    return {
      columns: ['M', ...Array.from({ length: d }, (_, j) => name(j))],
      rows: Array.from({ length: d }, (_, i) => [name(i), ...Array.from({ length: d }, (_, j) => num(M[i * d + j]!))]),
    };
  }
  return {
    columns: ['feature', 'M (diagonal)'],
    rows: Array.from({ length: d }, (_, i) => [name(i), num(M[i * d + i]!)]),
    note: `d = ${d}: the diagonal here; below, all ${d * d} entries, ${BLOCK} × ${BLOCK} at a time.`,
  };
}

export function confusionValues(counts: ArrayLike<number>, labels: readonly string[] | null): ValuesTableData {
  const c = Math.round(Math.sqrt(counts.length));
  const name = (k: number) => labels?.[k] ?? String(k);
  return {
    columns: ['true \\ predicted', ...Array.from({ length: c }, (_, j) => name(j))],
    rows: Array.from({ length: c }, (_, i) => [name(i), ...Array.from({ length: c }, (_, j) => counts[i * c + j]!)]),
  };
}

export function sweepValues(points: readonly SweepPoint[], parameter: string): ValuesTableData {
  return {
    columns: [parameter, 'plain kernel test MSE', 'RFM final test MSE', 'RFM best test MSE', 'best iteration'],
    rows: points.map((p) => [
      formatValue(p.value),
      num(p.baselineTestMse),
      num(p.finalTestMse),
      num(p.bestTestMse),
      p.bestIteration,
    ]),
  };
}
