/**
 * Numeric CSV tables: a header row of column names, then one row of numbers per data point.
 *
 * Parsing is strict, because a silently misread cell poisons a whole fit: every cell must be a finite
 * number, every row must have as many cells as the header. Errors name the file, the row as a person
 * counts it in a spreadsheet (the header is row 1, the first data row is row 2) and the column.
 * The one exception: columns named in `labelColumns` (a classification target) may hold text class
 * labels ("cat", "dog"), stored as indices into the sorted distinct labels.
 */
import Papa from 'papaparse';
import { DataError } from '../errors';

export class CsvError extends DataError {
  /** The file's name as given to the parser. */
  readonly file: string;
  /** 1-based spreadsheet row (header = 1), when the error is about one row. */
  readonly row: number | null;
  /** Column name, when the error is about one column. */
  readonly column: string | null;
  constructor(message: string, file: string, row: number | null = null, column: string | null = null) {
    super(message);
    this.name = 'CsvError';
    this.file = file;
    this.row = row;
    this.column = column;
  }
}

/** A parsed numeric table. */
export interface NumericTable {
  /** The file name, for messages. */
  name: string;
  columns: string[];
  /** Number of data rows (the header not counted). */
  rows: number;
  /** [rows, columns.length], row-major. */
  values: Float64Array;
  /** Label columns that held text: their distinct labels, sorted; the column's values index into them. */
  labels?: Record<string, string[]>;
}

export interface CsvParseOptions {
  /** Names the file in error messages. */
  name: string;
  /** Columns that may hold text class labels instead of numbers. */
  labelColumns?: readonly string[];
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const MISSING = new Set(['', 'na', 'n/a', 'nan', 'null', 'none']);

function isBlank(record: string[]): boolean {
  return record.every((cell) => cell.trim() === '');
}

/** The cell as a number, or the reason it is not one. */
function readCell(cell: string): number | string {
  const text = cell.trim();
  if (NUMBER.test(text)) {
    const value = Number(text);
    return Number.isFinite(value) ? value : `${text} is too large`;
  }
  if (MISSING.has(text.toLowerCase())) return text === '' ? 'the value is missing' : `the value is missing (${text})`;
  return `"${text}" is not a number`;
}

/** Parses CSV text with a header row into numbers. Throws CsvError on anything that is not a clean numeric table. */
export function parseNumericCsv(text: string, options: CsvParseOptions): NumericTable {
  const { name } = options;
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (source.trim() === '') throw new CsvError(`${name} is empty; expected a header row and rows of numbers.`, name);

  const parsed = Papa.parse<string[]>(source, { header: false, skipEmptyLines: false, dynamicTyping: false });
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes');
  if (quoteError) {
    const row = typeof quoteError.row === 'number' ? quoteError.row + 1 : null;
    throw new CsvError(`${name}${row === null ? '' : `, row ${row}`}: ${quoteError.message.toLowerCase()}.`, name, row);
  }
  const records = parsed.data;
  let end = records.length;
  while (end > 0 && isBlank(records[end - 1]!)) end--;

  const header = records[0]!.map((cell) => cell.trim());
  header.forEach((column, j) => {
    if (column === '') throw new CsvError(`${name}, row 1: column ${j + 1} has no name in the header.`, name, 1);
    const first = header.indexOf(column);
    if (first !== j)
      throw new CsvError(
        `${name}, row 1: the column name "${column}" appears twice (columns ${first + 1} and ${j + 1}).`,
        name,
        1,
        column,
      );
  });
  if (header.every((column) => NUMBER.test(column)))
    throw new CsvError(
      `${name}, row 1: the first row holds numbers, not column names; add a header row (for example x1,x2,y).`,
      name,
      1,
    );
  if (end <= 1) throw new CsvError(`${name} has a header row but no data rows.`, name);

  const width = header.length;
  const rows = end - 1;
  const values = new Float64Array(rows * width);
  const textLabels = new Map<number, string[]>();
  for (const column of options.labelColumns ?? []) {
    const j = header.indexOf(column);
    if (j >= 0 && hasText(records, j, end)) textLabels.set(j, []);
  }
  for (let r = 1; r < end; r++) {
    const record = records[r]!;
    const row = r + 1;
    if (isBlank(record)) throw new CsvError(`${name}, row ${row}: the row is empty.`, name, row);
    if (record.length !== width)
      throw new CsvError(
        `${name}, row ${row}: ${record.length} ${record.length === 1 ? 'value' : 'values'}, but the header has ${width} columns.`,
        name,
        row,
      );
    for (let j = 0; j < width; j++) {
      const value = textLabels.has(j) ? readLabel(record[j]!) : readCell(record[j]!);
      if (typeof value === 'string') {
        const column = header[j]!;
        throw new CsvError(`${name}, row ${row}, column "${column}": ${value}.`, name, row, column);
      }
      values[(r - 1) * width + j] = value;
    }
  }
  if (textLabels.size === 0) return { name, columns: header, rows, values };
  const labels: Record<string, string[]> = {};
  for (const j of textLabels.keys()) labels[header[j]!] = indexLabels(records, values, j, width, end);
  return { name, columns: header, rows, values, labels };
}

/** Whether column j holds a cell that is no number (and not missing): then it is a column of text labels. */
function hasText(records: string[][], j: number, end: number): boolean {
  for (let r = 1; r < end; r++) {
    const cell = records[r]?.[j]?.trim() ?? '';
    if (cell !== '' && !MISSING.has(cell.toLowerCase()) && !NUMBER.test(cell)) return true;
  }
  return false;
}

/** A text label is any non-missing cell; its index is filled in by indexLabels. */
function readLabel(cell: string): number | string {
  const text = cell.trim();
  if (text === '' || MISSING.has(text.toLowerCase()))
    return text === '' ? 'the class label is missing' : `the class label is missing (${text})`;
  return 0;
}

/** The sorted distinct labels of text column j, writing each row's label index into `values`. */
function indexLabels(records: string[][], values: Float64Array, j: number, width: number, end: number): string[] {
  const cells = Array.from({ length: end - 1 }, (_, r) => records[r + 1]![j]!.trim());
  const names = [...new Set(cells)].sort();
  const index = new Map(names.map((label, k) => [label, k]));
  cells.forEach((label, r) => (values[r * width + j] = index.get(label)!));
  return names;
}
