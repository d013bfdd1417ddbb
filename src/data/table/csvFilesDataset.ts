/**
 * The tabular pipeline for a training file and an optional test file (`rfm fit --train a.csv --test b.csv`):
 * the same header check, strict parse, text class labels, table checks, one-hot encoding and
 * standardisation as the app's single uploaded file (./tableDataset.ts), with the two files taking the
 * place of the seeded split. Errors are the app's, naming the file, the row and the column.
 *
 *   const data = datasetFromCsvFiles({ name: 'train.csv', text }, null,
 *     { target: 'species', task: 'classification', standardise: false });
 */
import type { Dataset } from '../../core/types';
import { readCsvHeader } from './csvHeader';
import { checkSameColumns } from './fromTables';
import { parseNumericCsv, type NumericTable } from './parseCsv';
import { checkTable, datasetFromParts, resolveTargets, type TabularOptions } from './tableDataset';

export interface CsvFile {
  /** Names the file in messages. */
  name: string;
  text: string;
}

export type CsvFilesOptions = Pick<TabularOptions, 'target' | 'task' | 'standardise' | 'maxRows'>;

/** A Dataset from a training CSV and an optional test CSV (absent: nTest = 0). Throws CsvError / DataError. */
export function datasetFromCsvFiles(train: CsvFile, test: CsvFile | null, options: CsvFilesOptions): Dataset {
  const trainColumns = readCsvHeader(train.name, train.text);
  // Before the cells are read, so that a renamed column is reported as such, not as a bad cell under it.
  if (test)
    checkSameColumns(
      { name: train.name, columns: trainColumns },
      { name: test.name, columns: readCsvHeader(test.name, test.text) },
    );
  // A single classification target may hold text labels ("cat"), as in the app: name it to the parser.
  const targets = resolveTargets({ name: train.name, columns: trainColumns }, options.target);
  const labelColumns = options.task === 'classification' && targets.length === 1 ? targets : [];
  let trainTable = parseNumericCsv(train.text, { name: train.name, labelColumns });
  let testTable = test ? parseNumericCsv(test.text, { name: test.name, labelColumns }) : null;
  if (labelColumns.length === 1 && testTable) [trainTable, testTable] = shareLabels(trainTable, testTable, targets[0]!);
  checkTable(trainTable, targets, options.task, options.maxRows);
  if (testTable) checkTable(testTable, targets, options.task, options.maxRows);
  return datasetFromParts(trainTable, testTable, targets, options);
}

/**
 * The parser numbers each file's text labels by that file's own sorted labels, so "dog" may be 0 in one file
 * and 1 in the other. Renumbers both by the sorted union of their labels (a file of numeric labels takes
 * part with its numbers as text), so that one label means one class in both.
 */
function shareLabels(train: NumericTable, test: NumericTable, column: string): [NumericTable, NumericTable] {
  if (!train.labels?.[column] && !test.labels?.[column]) return [train, test];
  const namesOf = (table: NumericTable): ((value: number) => string) => {
    const names = table.labels?.[column];
    return names ? (value) => names[value]! : (value) => String(value);
  };
  const tables = [train, test];
  const readers = tables.map(namesOf);
  const all = new Set<string>();
  tables.forEach((table, t) => labelValues(table, column).forEach((value) => all.add(readers[t]!(value))));
  const names = [...all].sort();
  const index = new Map(names.map((name, k) => [name, k]));
  const renumbered = tables.map((table, t) => {
    const j = table.columns.indexOf(column);
    if (j < 0) return table; // the column check (fromTables.ts) names what is missing
    const values = table.values.slice();
    const width = table.columns.length;
    for (let i = 0; i < table.rows; i++) values[i * width + j] = index.get(readers[t]!(values[i * width + j]!))!;
    return { ...table, values, labels: { ...table.labels, [column]: names } };
  });
  return [renumbered[0]!, renumbered[1]!];
}

function labelValues(table: NumericTable, column: string): number[] {
  const j = table.columns.indexOf(column);
  if (j < 0) return [];
  const width = table.columns.length;
  return Array.from({ length: table.rows }, (_, i) => table.values[i * width + j]!);
}
