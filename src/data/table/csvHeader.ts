/**
 * The cheap look at a CSV file that the main thread can afford: its size and its header line, nothing
 * more. It lists the columns for the target picker and rejects a file that cannot be a numeric table
 * before it replaces the user's last good file; the full, strict parse (every cell, with row- and
 * column-naming errors) happens in ./parseCsv.ts. This module imports only the
 * error class and the memory bound (core/memory.ts, pure arithmetic), so the upload control does not pull the CSV parser into the page's main bundle.
 */
import { cpuBackendLimits, largestFittingN } from '../../core/memory';
import { MAX_TREE_ROWS } from '../../core/tree/treeLimits';
import { DataError } from '../errors';

/**
 * Largest CSV accepted: the file travels to the worker as text and is parsed there in one piece. 100,000
 * rows of 21 numbers take about 20 MB; 64 MB leaves room for wider rows up to the tree's row limit.
 */
export const MAX_CSV_BYTES = 64 * 1024 * 1024;
/**
 * Most data rows accepted: RFM solves an n x n kernel system, so more rows than this cannot train here. It is
 * the memory check's own bound (core/memory.ts) for the wasm backend, rounded down to thousands (13,000), so a
 * file within it never fails that check later at any test share: the limit used to be 20,000 rows, and such a
 * file then failed at n = 16,000 training rows ("the largest n that fits is about 13,700").
 */
export const MAX_CSV_ROWS =
  Math.floor(largestFittingN({ n: 1, nTest: 20_000, d: 100, c: 10 }, cpuBackendLimits('wasm')) / 1000) * 1000;
/**
 * Rows of the random sample offered for a file over MAX_CSV_ROWS: 4,000 training rows at the default
 * split, a few seconds per iteration on wasm (20,000 would not even fit its memory).
 */
/** Most rows of a table: one kernel's limit, or with a leaf size (> 0) the tree's (docs/trees.md). */
export function maxTableRows(leafSize: number): number {
  return leafSize > 0 ? MAX_TREE_ROWS : MAX_CSV_ROWS;
}

export const CSV_SAMPLE_ROWS = 5_000;

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** "20 MB" for MAX_CSV_BYTES. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toPrecision(3))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toPrecision(3))} kB`;
  return `${bytes} bytes`;
}

/** Throws when a file of `bytes` bytes is over the limit. */
export function checkCsvSize(name: string, bytes: number): void {
  if (bytes > MAX_CSV_BYTES)
    throw new DataError(
      `${name} is ${formatBytes(bytes)}; the largest CSV accepted is ${formatBytes(MAX_CSV_BYTES)} (and at most ${MAX_CSV_ROWS.toLocaleString('en-US')} rows with one kernel, ${MAX_TREE_ROWS.toLocaleString('en-US')} as a tree of RFMs). Take a sample of the rows.`,
    );
}

/** Splits one CSV line into cells: commas separate, double quotes group, "" is a literal quote. */
function splitLine(line: string): string[] | null {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  if (quoted) return null;
  cells.push(cell);
  return cells;
}

/**
 * The column names of a CSV text, read from its first line only, with the checks that need no more:
 * the file is not empty or too large, every column has a distinct name, the first row is names rather
 * than numbers, there are at least two columns and some line after the header. Throws DataError.
 */
export function readCsvHeader(name: string, text: string): string[] {
  checkCsvSize(name, text.length);
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (source.trim() === '') throw new DataError(`${name} is empty; expected a header row and rows of numbers.`);
  const newline = source.indexOf('\n');
  const line = (newline < 0 ? source : source.slice(0, newline)).replace(/\r$/, '');
  const cells = splitLine(line);
  if (!cells) throw new DataError(`${name}, row 1: a quote in the header is never closed.`);
  const header = cells.map((cell) => cell.trim());
  header.forEach((column, j) => {
    if (column === '') throw new DataError(`${name}, row 1: column ${j + 1} has no name in the header.`);
    const first = header.indexOf(column);
    if (first !== j)
      throw new DataError(
        `${name}, row 1: the column name "${column}" appears twice (columns ${first + 1} and ${j + 1}).`,
      );
  });
  if (header.every((column) => NUMBER.test(column)))
    throw new DataError(
      `${name}, row 1: the first row holds numbers, not column names; add a header row (for example x1,x2,y).`,
    );
  if (header.length < 2) {
    const other = [';', '\t'].find((separator) => line.includes(separator));
    throw new DataError(
      `${name} has a single column ("${header[0]}"); it needs feature columns and a target column` +
        (other ? `, separated by commas (this file seems to use ${other === ';' ? 'semicolons' : 'tabs'}).` : '.'),
    );
  }
  if (newline < 0 || source.slice(newline + 1).trim() === '')
    throw new DataError(`${name} has a header row but no data rows.`);
  return header;
}

/**
 * Why a file cannot train on the chosen target, or null: a named target column the file lacks is refused
 * (before, the upload fell back to the file's last column and trained on it without a word).
 */
/** How many column names a missing-target message lists before counting the rest. */
const LISTED_COLUMNS = 12;

export function missingTargetMessage(name: string, columns: readonly string[], target: string): string | null {
  if (target.trim() === '') return null;
  const lower = columns.map((c) => c.toLowerCase());
  const missing = target
    .split(',')
    .map((t) => t.trim())
    .filter((t) => !lower.includes(t.toLowerCase()));
  if (missing.length === 0) return null;
  const names = missing.map((t) => `"${t}"`).join(', ');
  // A wide file's header would fill the screen: name the first columns and count the rest.
  const listed = columns.slice(0, LISTED_COLUMNS).map((c) => `"${c}"`);
  if (columns.length > LISTED_COLUMNS)
    listed.push(`and ${(columns.length - LISTED_COLUMNS).toLocaleString('en-US')} more`);
  return (
    `The target column ${names} is not in ${name}; its columns are ${listed.join(', ')}. ` +
    'Choose one of them (or "last column") as the target, then load the file again.'
  );
}
