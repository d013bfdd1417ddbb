/**
 * Measures of the structure RFM learns on modular arithmetic (docs/algorithm.md, "Presets"): the a-b
 * block of M, how far that block is from circulant, and how well M_t aligns with the final M. Pure
 * functions on row-major Float64Arrays, no tfjs, so the app, the worker and the CLI share them.
 *
 *   const block = abBlock(record.M, 61);          // [61, 61]: rows a = 0..60, columns b = 0..60
 *   circulantDeviation(block, 61);                // ~0 once the block is circulant
 *   frobeniusCosine(record.M, final.M);           // 1 when M_t is a positive multiple of M_T
 */
import type { IterationRecord } from '../types';

/**
 * The off-diagonal block M[a-part, b-part] of a modular-arithmetic feature matrix M [2p, 2p]: entry
 * (i, j) couples input coordinate a = i with b = j. Returns [p, p], row-major.
 */
export function abBlock(m: ArrayLike<number>, p: number): Float64Array {
  const d = 2 * p;
  if (m.length < d * d) throw new Error(`abBlock: M has ${m.length} entries, not (2p)² = ${d * d}`);
  const block = new Float64Array(p * p);
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) block[i * p + j] = m[i * d + p + j]!;
  return block;
}

/**
 * The sub-matrix A[rows[i], columns[j]] [k, k] of a [p, p] matrix, for two lists of k distinct indices
 * into 0..p-1: a permutation reorders; a shorter list also selects (e.g. the non-zero residues).
 */
export function reorderMatrix(
  a: ArrayLike<number>,
  p: number,
  rows: ArrayLike<number>,
  columns: ArrayLike<number> = rows,
): Float64Array {
  const k = rows.length;
  if (columns.length !== k) throw new Error(`reorderMatrix: ${k} rows but ${columns.length} columns`);
  for (const index of [...Array.from(rows), ...Array.from(columns)])
    if (!(Number.isInteger(index) && index >= 0 && index < p))
      throw new Error(`reorderMatrix: index ${index} is outside 0..${p - 1}`);
  const out = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) out[i * k + j] = a[rows[i]! * p + columns[j]!]!;
  return out;
}

/**
 * How far a [p, p] matrix A is from circulant (A_ij depending only on (j - i) mod p): shift row l left by
 * l places, so that a circulant matrix has constant columns, then sum the variance down each column and
 * divide by ||A||_F². 0 exactly for a circulant matrix; at most 1/p, since the column variances sum to
 * at most ||A||_F² / p. With `order` (indices into 0..p-1) the rows and columns are first put in that
 * order, e.g. the discrete-log order for * and /; `columnOrder` gives the columns their own order (b
 * negated for -), and a shorter order also selects (the non-zero residues), the shift then running
 * modulo its length. Returns 0 for the zero matrix.
 */
export function circulantDeviation(
  a: ArrayLike<number>,
  p: number,
  order?: ArrayLike<number>,
  columnOrder: ArrayLike<number> | undefined = order,
): number {
  if (a.length < p * p) throw new Error(`circulantDeviation: A has ${a.length} entries, not p² = ${p * p}`);
  const rows = order ?? (columnOrder ? Array.from({ length: p }, (_, i) => i) : undefined);
  const k = rows ? rows.length : p;
  const matrix = rows ? reorderMatrix(a, p, rows, columnOrder ?? rows) : a;
  let norm = 0;
  let variances = 0;
  const column = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    let sum = 0;
    for (let l = 0; l < k; l++) {
      const v = matrix[l * k + ((j + l) % k)]!;
      column[l] = v;
      sum += v;
      norm += v * v;
    }
    const mean = sum / k;
    // Two passes, so a near-circulant column does not lose its small variance to cancellation.
    let squares = 0;
    for (let l = 0; l < k; l++) squares += (column[l]! - mean) ** 2;
    variances += squares / k;
  }
  return norm > 0 ? variances / norm : 0;
}

/** <A, B>_F / (||A||_F ||B||_F): 1 when A is a positive multiple of B; 0 when either is zero. */
export function frobeniusCosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`frobeniusCosine: ${a.length} entries against ${b.length}`);
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    dot += x * y;
    normA += x * x;
    normB += y * y;
  }
  return normA > 0 && normB > 0 ? dot / Math.sqrt(normA * normB) : 0;
}

/** Test accuracy at which the run counts as having generalised (the paper's ">= 99%"). */
export const GENERALISED_ACCURACY = 0.99;

/** One iteration's grokking measures. */
export interface GrokkingPoint {
  iteration: number;
  /**
   * Circulant deviation of the a-b block in the given residue orders; null where the block is zero (M = I at
   * iteration 0): a zero block is trivially circulant, and a 0 there would read as "already circulant".
   */
  circulantDeviation: number | null;
  /** Circulant deviation of the a-b block in the natural order 0..p-1 of both a and b (null likewise). */
  naturalCirculantDeviation: number | null;
  /** Frobenius cosine of M_t with the last M given (M_T once the run is over). */
  alignment: number;
  /** The same for the a-b blocks alone (0 at t = 0, where M = I has no a-b coupling). */
  blockAlignment: number;
}

/**
 * The grokking measures of every record, against the last record as M_T. `orders` are the residue
 * orders under which the op's a-b block is circulant (circulantResidueOrders in data/modular.ts).
 */
export function grokkingTrajectory(
  records: ReadonlyArray<Pick<IterationRecord, 'iteration' | 'M'>>,
  p: number,
  orders?: { rows: ArrayLike<number>; columns: ArrayLike<number> },
): GrokkingPoint[] {
  const last = records.at(-1);
  if (!last) return [];
  const finalBlock = abBlock(last.M, p);
  return records.map((record) => {
    const block = abBlock(record.M, p);
    const coupled = block.some((v) => v !== 0);
    return {
      iteration: record.iteration,
      circulantDeviation: !coupled
        ? null
        : orders
          ? circulantDeviation(block, p, orders.rows, orders.columns)
          : circulantDeviation(block, p),
      naturalCirculantDeviation: coupled ? circulantDeviation(block, p) : null,
      alignment: frobeniusCosine(record.M, last.M),
      blockAlignment: frobeniusCosine(block, finalBlock),
    };
  });
}

/**
 * The first iteration whose test accuracy reaches `threshold` (default 0.99), or null: where the
 * accuracy jumps in a grokking run.
 */
export function jumpIteration(
  records: ReadonlyArray<Pick<IterationRecord, 'iteration' | 'testAccuracy'>>,
  threshold = GENERALISED_ACCURACY,
): number | null {
  return records.find((r) => r.testAccuracy !== null && r.testAccuracy >= threshold)?.iteration ?? null;
}

/** The best test accuracy so far, or null when no record has one. */
export function maxTestAccuracy(records: ReadonlyArray<Pick<IterationRecord, 'testAccuracy'>>): number | null {
  let best: number | null = null;
  for (const r of records)
    if (r.testAccuracy !== null && (best === null || r.testAccuracy > best)) best = r.testAccuracy;
  return best;
}
