/**
 * The csv source: the user's own table (uploaded, dropped or pasted), through the tabular pipeline
 * (../table/tableDataset.ts). The file arrives as an asset, never as a parameter.
 */
import { DataError } from '../errors';
import { datasetFromCsvText } from '../table/tableDataset';
import { tabularOptions, type DataSource } from './source';

export const csv: DataSource = {
  async build(params, assets) {
    if (!assets.csv) throw new DataError('No CSV file yet: upload one to train on it.');
    return datasetFromCsvText(assets.csv.name, assets.csv.text, tabularOptions(params));
  },
};
