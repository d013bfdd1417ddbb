/**
 * A matrix drawn as a heatmap or an image, as table data one block at a time: a 61 x 61 a-b block is
 * 3,721 numbers, too many for one table a person can move through, so the text alternative shows a block
 * of at most BLOCK x BLOCK entries and lets the reader choose which rows and columns. Pure, no DOM.
 */
import { formatValue } from '../../viz/format';
import type { ValuesTableData } from './ValuesDetails';

/** Rows and columns per block. */
export const BLOCK = 16;

/** One matrix as a chart draws it. */
export interface MatrixSource {
  /** Stable key (the choice of matrix survives updates). */
  id: string;
  /** What it is, for the table's name: 'M[a, b] at iteration 3'. */
  title: string;
  rows: number;
  cols: number;
  /** [rows, cols] row-major. */
  values: ArrayLike<number>;
  rowLabels?: readonly string[];
  colLabels?: readonly string[];
  /** The top-left header cell, naming the axes: 'a \ b'. */
  corner?: string;
}

/** The first index of each block of n: 0, 16, 32, ... */
export function blockStarts(n: number): number[] {
  return Array.from({ length: Math.ceil(n / BLOCK) }, (_, k) => k * BLOCK);
}

/** '1–16 of 61' (1-based, as a person counts); just '13' when one block holds them all. */
export function blockName(start: number, n: number): string {
  if (n <= BLOCK) return String(n);
  return `${start + 1}–${Math.min(start + BLOCK, n)} of ${n}`;
}

/** The block of m at (rowStart, colStart), clamped to the matrix. */
export function matrixBlockValues(m: MatrixSource, rowStart: number, colStart: number): ValuesTableData {
  const r0 = Math.max(0, Math.min(rowStart, m.rows - 1));
  const c0 = Math.max(0, Math.min(colStart, m.cols - 1));
  const r1 = Math.min(r0 + BLOCK, m.rows);
  const c1 = Math.min(c0 + BLOCK, m.cols);
  const rowName = (i: number) => m.rowLabels?.[i] ?? String(i + 1);
  const colName = (j: number) => m.colLabels?.[j] ?? String(j + 1);
  const cols = Array.from({ length: c1 - c0 }, (_, j) => c0 + j);
  const paged = m.rows > BLOCK || m.cols > BLOCK;
  return {
    columns: [m.corner ?? '', ...cols.map(colName)],
    rows: Array.from({ length: r1 - r0 }, (_, i) => {
      const r = r0 + i;
      return [rowName(r), ...cols.map((c) => formatValue(m.values[r * m.cols + c]!))];
    }),
    ...(paged
      ? { note: `Rows ${blockName(r0, m.rows)}, columns ${blockName(c0, m.cols)}: choose others above the table.` }
      : {}),
  };
}

/** A heatmap's square matrix (viz/heatmap's data) as a source; names default to x1 .. xd like its axes. */
export function squareMatrix(
  id: string,
  data: { values: ArrayLike<number>; d: number; labels?: readonly string[]; title?: string },
  names: { row?: (label: string) => string; col?: (label: string) => string; corner?: string } = {},
): MatrixSource {
  const labels = Array.from({ length: data.d }, (_, i) => data.labels?.[i] ?? `x${i + 1}`);
  return {
    id,
    title: data.title ?? id,
    rows: data.d,
    cols: data.d,
    values: data.values,
    rowLabels: names.row ? labels.map(names.row) : labels,
    colLabels: names.col ? labels.map(names.col) : labels,
    corner: names.corner ?? 'row \\ column',
  };
}
