/**
 * The tabular pipeline, in one direction: CSV text -> header and targets -> strict parse -> checks ->
 * seeded train/test split -> features, targets and one-hot labels -> optional standardisation. Used by
 * the csv source and the built-in tables (../sources/boston.ts, iris.ts). Every problem with a file is a
 * DataError (a CsvError naming the row and column where there is one) meant for the person who chose it.
 *
 *   const data = datasetFromCsvText('houses.csv', text, { target: 'price', task: 'regression',
 *     standardise: true, testShare: 0.2, seed: 1 });
 */
import { createRandom, permutation } from '../../core/random';
import type { Dataset } from '../../core/types';
import { DataError } from '../errors';
import { MAX_CSV_ROWS, checkCsvSize, readCsvHeader } from './csvHeader';
import { datasetFromCsv } from './fromTables';
import { CsvError, parseNumericCsv, type NumericTable } from './parseCsv';
import { standardiseFeatures } from './standardise';
import type { TabularOptions } from '../../protocol/csvCheck';

export type { TabularOptions } from '../../protocol/csvCheck';

/** A table over the row limit: the app offers to train on a random sample of its rows instead. */
export class TooManyRowsError extends CsvError {
  readonly rows: number;
  constructor(name: string, rows: number, limit: number) {
    const why =
      limit > MAX_CSV_ROWS
        ? 'as a tree of RFMs (docs/trees.md)'
        : 'with one kernel (RFM solves an n x n kernel system; a leaf size trains more as a tree)';
    super(
      `${name} has ${rows.toLocaleString('en-US')} data rows; at most ${limit.toLocaleString('en-US')} can train here ${why}. Take a sample of the rows.`,
      name,
    );
    this.name = 'TooManyRowsError';
    this.rows = rows;
  }
}

/** What a built-in table adds to the options: its natural target, and names for coded class labels. */
export interface TableDefaults {
  /** Used when options.target is '' (else the last column). */
  target?: string;
  /** Class names by label value 0..k-1, for a target column that codes them. */
  classNames?: Record<string, string[]>;
}

/** The largest magnitude float32 holds. */
const FLOAT32_MAX = 3.4028234663852886e38;

/** Parses CSV text (header row, numeric cells) into a Dataset. Throws CsvError / DataError. */
export function datasetFromCsvText(name: string, text: string, options: TabularOptions): Dataset {
  checkCsvSize(name, text.length);
  // A single classification target may hold text labels ("cat"): name it to the parser as a label column.
  const labelColumns =
    options.task === 'classification'
      ? resolveTargets({ name, columns: readCsvHeader(name, text) }, options.target)
      : [];
  return datasetFromTable(
    parseNumericCsv(text, { name, labelColumns: labelColumns.length === 1 ? labelColumns : [] }),
    options,
  );
}

/** A whole table as a Dataset: targets chosen, rows split, features standardised, labels one-hot. */
export function datasetFromTable(table: NumericTable, options: TabularOptions, defaults: TableDefaults = {}): Dataset {
  const { name, rows } = table;
  if (rows < 2)
    throw new CsvError(`${name} has a single data row; it needs at least two (one to train on and one to test).`, name);
  const targets = resolveTargets(table, options.target, defaults.target);
  checkTable(table, targets, options.task, options.maxRows);
  const { train, test } = splitRows(table, options.testShare, options.seed);
  return datasetFromParts(train, test, targets, options, defaults.classNames?.[targets[0]!]);
}

/**
 * The checks every table passes before it is split or trained on (the app's one file and each of the CLI's
 * files alike): the row limit, integer class labels, values that fit float32. Errors name the file's row.
 */
export function checkTable(
  table: NumericTable,
  targets: string[],
  task: TabularOptions['task'],
  maxRows = MAX_CSV_ROWS,
): void {
  if (table.rows > maxRows) throw new TooManyRowsError(table.name, table.rows, maxRows);
  if (task === 'classification' && targets.length === 1) checkClassLabels(table, targets[0]!);
  checkFloat32(table);
}

/**
 * Checked training and (optional) test tables as the engine's Dataset: features and targets picked, one-hot
 * labels named (`classNames`, else the text labels the parser found, else the label values), features
 * standardised with the training part's statistics when asked.
 */
export function datasetFromParts(
  train: NumericTable,
  test: NumericTable | null,
  targets: string[],
  options: Pick<TabularOptions, 'task' | 'standardise'>,
  classNames?: string[],
): Dataset {
  const classification = options.task === 'classification';
  const data = datasetFromCsv(train, test, targets, { task: options.task });
  const names = classification && targets.length === 1 ? (classNames ?? train.labels?.[targets[0]!]) : undefined;
  const classLabels = !classification
    ? undefined
    : targets.length > 1
      ? targets.slice()
      : (data.classValues ?? []).map((value) => names?.[value] ?? String(value));
  const result: Dataset = {
    xTrain: data.xTrain,
    yTrain: data.yTrain,
    xTest: data.xTest,
    yTest: data.yTest,
    nTrain: data.nTrain,
    nTest: data.nTest,
    d: data.d,
    c: data.c,
    accuracy: data.accuracy,
    featureNames: data.featureNames,
    ...(classLabels ? { classLabels } : {}),
    layout: { kind: 'vector' },
  };
  return options.standardise ? standardiseFeatures(result) : result;
}

function listColumns(columns: readonly string[]): string {
  return columns.map((c) => `"${c}"`).join(', ');
}

/**
 * The target columns `spec` names (comma-separated; '' means the default or the last column). A name
 * matches exactly, or else ignoring case when that is unambiguous.
 */
export function resolveTargets(
  table: Pick<NumericTable, 'name' | 'columns'>,
  spec: string,
  fallback?: string,
): string[] {
  const { name, columns } = table;
  const asked = spec.trim() === '' ? [fallback ?? columns.at(-1)!] : spec.split(',').map((t) => t.trim());
  if (asked.some((t) => t === '')) throw new CsvError(`The target list "${spec}" has an empty name.`, name);
  return asked.map((target) => {
    if (columns.includes(target)) return target;
    const loose = columns.filter((c) => c.toLowerCase() === target.toLowerCase());
    if (loose.length === 1) return loose[0]!;
    throw new CsvError(
      `The target column "${target}" is not in ${name}; its columns are ${listColumns(columns)}.`,
      name,
      null,
      target,
    );
  });
}

/** Classification labels must be integers; checked on the whole table so the error names the file's row. */
function checkClassLabels(table: NumericTable, target: string): void {
  const { name, columns, rows, values } = table;
  const j = columns.indexOf(target);
  for (let i = 0; i < rows; i++) {
    const label = values[i * columns.length + j]!;
    if (!Number.isInteger(label))
      throw new CsvError(
        `${name}, row ${i + 2}, column "${target}": ${label} is not an integer class label (classification needs integer labels; choose regression for a numeric target).`,
        name,
        i + 2,
        target,
      );
  }
}

/** Every value must fit in float32, the engine's precision; checked before the split so rows are the file's. */
function checkFloat32(table: NumericTable): void {
  const { name, columns, values } = table;
  const bad = values.findIndex((v) => Math.abs(v) > FLOAT32_MAX);
  if (bad < 0) return;
  const row = Math.floor(bad / columns.length) + 2;
  const column = columns[bad % columns.length]!;
  throw new CsvError(
    `${name}, row ${row}, column "${column}": ${values[bad]} is too large for float32.`,
    name,
    row,
    column,
  );
}

/**
 * Splits rows by a seeded shuffle: round(rows * testShare) test rows (at least 1 and leaving at least 1
 * for training), in shuffled order. Both parts keep the table's name and columns.
 */
export function splitRows(
  table: NumericTable,
  testShare: number,
  seed: number,
): { train: NumericTable; test: NumericTable } {
  if (!(testShare > 0 && testShare < 1))
    throw new DataError(`The test share must be between 0 and 1 (exclusive), not ${testShare}.`);
  const { rows, columns, values } = table;
  const nTest = Math.min(rows - 1, Math.max(1, Math.round(rows * testShare)));
  const order = permutation(rows, createRandom(seed));
  const width = columns.length;
  const part = (from: number, to: number): NumericTable => {
    const out = new Float64Array((to - from) * width);
    for (let i = from; i < to; i++)
      out.set(values.subarray(order[i]! * width, (order[i]! + 1) * width), (i - from) * width);
    return { ...table, rows: to - from, values: out };
  };
  return { train: part(nTest, rows), test: part(0, nTest) };
}
