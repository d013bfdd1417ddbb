/**
 * Parsed tables as a Dataset: a training table and an optional test table (the CLI's two files, or the
 * two parts of one split table); chosen columns are targets, the rest features; a column of integer class
 * labels is one-hot encoded for classification. Parsing itself is ./parseCsv.ts.
 */
import type { Dataset } from '../../core/types';
import { DataError } from '../errors';
import { CsvError, type NumericTable } from './parseCsv';

export { CsvError, parseNumericCsv, type CsvParseOptions, type NumericTable } from './parseCsv';

/** A table split into inputs and targets. */
export interface FeaturesAndTargets {
  featureNames: string[];
  targetNames: string[];
  rows: number;
  /** [rows, featureNames.length] */
  x: Float64Array;
  /** [rows, targetNames.length] */
  y: Float64Array;
}

function listColumns(columns: string[]): string {
  return columns.map((c) => `"${c}"`).join(', ');
}

/** Takes `targetColumns` as targets (in the order given) and every other column as a feature. */
export function splitFeaturesAndTargets(table: NumericTable, targetColumns: string[]): FeaturesAndTargets {
  const { name, columns, rows, values } = table;
  if (targetColumns.length === 0) throw new CsvError(`No target column given for ${name}.`, name);
  const targetIndex = targetColumns.map((target) => {
    const j = columns.indexOf(target);
    if (j < 0)
      throw new CsvError(
        `The target column "${target}" is not in ${name}; its columns are ${listColumns(columns)}.`,
        name,
        null,
        target,
      );
    return j;
  });
  const repeated = targetColumns.find((target, i) => targetColumns.indexOf(target) !== i);
  if (repeated !== undefined)
    throw new CsvError(`The target column "${repeated}" is named twice.`, name, null, repeated);
  const featureIndex = columns.map((_, j) => j).filter((j) => !targetIndex.includes(j));
  if (featureIndex.length === 0)
    throw new CsvError(
      `${name} has no feature columns left once the targets ${listColumns(targetColumns)} are taken out.`,
      name,
    );

  const width = columns.length;
  const pick = (indices: number[]): Float64Array => {
    const out = new Float64Array(rows * indices.length);
    for (let i = 0; i < rows; i++) indices.forEach((j, k) => (out[i * indices.length + k] = values[i * width + j]!));
    return out;
  };
  return {
    featureNames: featureIndex.map((j) => columns[j]!),
    targetNames: targetColumns.slice(),
    rows,
    x: pick(featureIndex),
    y: pick(targetIndex),
  };
}

export type CsvTask = 'regression' | 'classification';

export interface CsvDatasetOptions {
  /**
   * regression (default): targets as they are, accuracy 'none'. classification: one target column of integer
   * class labels is one-hot encoded; several target columns are taken to be one-hot already. Accuracy 'argmax'.
   */
  task?: CsvTask;
}

export interface CsvDataset extends Dataset {
  featureNames: string[];
  /** The target columns. */
  targetNames: string[];
  /** For a one-hot encoded label column: the label value of each output, ascending. Otherwise null. */
  classValues: number[] | null;
}

/** Most distinct labels a classification column may hold; more suggests a regression target. */
const MAX_CLASSES = 1000;

/** Throws when two files do not have the same columns (in any order). */
export function checkSameColumns(
  train: Pick<NumericTable, 'name' | 'columns'>,
  test: Pick<NumericTable, 'name' | 'columns'>,
): void {
  const missing = train.columns.filter((c) => !test.columns.includes(c));
  const extra = test.columns.filter((c) => !train.columns.includes(c));
  if (missing.length > 0 || extra.length > 0) {
    const parts = [
      missing.length > 0 ? `${test.name} lacks ${listColumns(missing)}` : '',
      extra.length > 0 ? `${test.name} has ${listColumns(extra)} that ${train.name} lacks` : '',
    ].filter(Boolean);
    throw new CsvError(`${train.name} and ${test.name} must have the same columns: ${parts.join('; ')}.`, test.name);
  }
}

/** Reorders `test`'s columns to `train`'s order; throws when the two files do not have the same columns. */
function alignColumns(train: NumericTable, test: NumericTable): NumericTable {
  checkSameColumns(train, test);
  if (train.columns.every((c, j) => test.columns[j] === c)) return test;
  const order = train.columns.map((c) => test.columns.indexOf(c));
  const width = order.length;
  const values = new Float64Array(test.values.length);
  for (let i = 0; i < test.rows; i++) order.forEach((j, k) => (values[i * width + k] = test.values[i * width + j]!));
  return { ...test, columns: train.columns.slice(), values };
}

/** The sorted distinct labels of a label column, checking that they are integers. */
function classLabelsOf(parts: { table: NumericTable; labels: Float64Array }[], column: string): number[] {
  const seen = new Set<number>();
  for (const { table, labels } of parts) {
    labels.forEach((label, i) => {
      if (!Number.isInteger(label))
        throw new CsvError(
          `${table.name}, row ${i + 2}, column "${column}": ${label} is not an integer class label (classification needs integer labels).`,
          table.name,
          i + 2,
          column,
        );
      seen.add(label);
    });
  }
  const labels = [...seen].sort((a, b) => a - b);
  const first = parts[0]!.table.name;
  if (labels.length < 2)
    throw new CsvError(
      `Column "${column}" of ${first} holds a single class; classification needs at least two.`,
      first,
    );
  if (labels.length > MAX_CLASSES)
    throw new CsvError(
      `Column "${column}" holds ${labels.length} distinct labels; classification expects at most ${MAX_CLASSES} (is this a regression target?).`,
      first,
    );
  return labels;
}

function oneHot(labels: Float64Array, classLabels: number[]): Float32Array {
  const c = classLabels.length;
  const index = new Map(classLabels.map((label, k) => [label, k]));
  const out = new Float32Array(labels.length * c);
  labels.forEach((label, i) => (out[i * c + index.get(label)!] = 1));
  return out;
}

/** Float32 copy for the engine; a value that overflows float32 is an error, not a silent Infinity. */
function toFloat32(values: Float64Array, table: NumericTable, names: string[]): Float32Array {
  const out = Float32Array.from(values);
  const bad = out.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) {
    const row = Math.floor(bad / names.length) + 2;
    const column = names[bad % names.length]!;
    throw new CsvError(
      `${table.name}, row ${row}, column "${column}": ${values[bad]} is too large for float32.`,
      table.name,
      row,
      column,
    );
  }
  return out;
}

/** A Dataset from a training table and an optional test table (absent: nTest = 0). */
export function datasetFromCsv(
  train: NumericTable,
  test: NumericTable | null,
  targets: string[],
  options: CsvDatasetOptions = {},
): CsvDataset {
  const task = options.task ?? 'regression';
  if (task !== 'regression' && task !== 'classification')
    throw new DataError(`Unknown task "${String(task)}"; use regression or classification.`);
  const trainSplit = splitFeaturesAndTargets(train, targets);
  const testTable = test ? alignColumns(train, test) : null;
  const testSplit = testTable ? splitFeaturesAndTargets(testTable, targets) : null;
  const { featureNames, targetNames } = trainSplit;
  const d = featureNames.length;
  const nTrain = trainSplit.rows;
  const nTest = testSplit?.rows ?? 0;

  let classLabels: number[] | null = null;
  let yTrain: Float32Array;
  let yTest: Float32Array;
  if (task === 'classification' && targets.length === 1) {
    const parts = [{ table: train, labels: trainSplit.y }];
    if (testTable && testSplit) parts.push({ table: testTable, labels: testSplit.y });
    classLabels = classLabelsOf(parts, targets[0]!);
    yTrain = oneHot(trainSplit.y, classLabels);
    yTest = testSplit ? oneHot(testSplit.y, classLabels) : new Float32Array(0);
  } else {
    yTrain = toFloat32(trainSplit.y, train, targetNames);
    yTest = testTable && testSplit ? toFloat32(testSplit.y, testTable, targetNames) : new Float32Array(0);
  }
  return {
    xTrain: toFloat32(trainSplit.x, train, featureNames),
    yTrain,
    xTest: testTable && testSplit ? toFloat32(testSplit.x, testTable, featureNames) : new Float32Array(0),
    yTest,
    nTrain,
    nTest,
    d,
    c: classLabels ? classLabels.length : targetNames.length,
    accuracy: task === 'classification' ? 'argmax' : 'none',
    featureNames,
    targetNames,
    classValues: classLabels,
    ...(classLabels ? { classLabels: classLabels.map(String) } : {}),
  };
}
