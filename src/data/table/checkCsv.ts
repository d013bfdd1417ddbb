/**
 * The full check of an uploaded CSV that runs before it may replace the last good one (in the CSV check
 * worker, off the main thread): the same pipeline the training run uses, plus the feature-count guard,
 * optionally on a seeded random sample of its rows.
 */
import { checkRunCost } from '../../core/runCost';
import type { CsvCheckRequest, CsvCheckResult } from '../../protocol/csvCheck';
import { sampleCsvRows } from './sampleRows';
import { TooManyRowsError, datasetFromCsvText } from './tableDataset';

export function checkCsv({ name, text, options, sampleRows }: CsvCheckRequest): CsvCheckResult {
  try {
    let checkedName = name;
    let checkedText = text;
    if (sampleRows !== null) {
      const sample = sampleCsvRows(name, text, sampleRows, options.seed);
      if (sample.total > sampleRows) {
        checkedText = sample.text;
        checkedName = `${name} (a random ${sampleRows.toLocaleString('en-US')} of its ${sample.total.toLocaleString('en-US')} rows)`;
      }
    }
    const data = datasetFromCsvText(checkedName, checkedText, options);
    checkRunCost({ n: data.nTrain, nTest: data.nTest, d: data.d, c: data.c }); // too wide: refused here, not in the run
    return { ok: true, name: checkedName, text: checkedText, rows: data.nTrain + data.nTest, d: data.d, c: data.c };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, message, tooManyRows: error instanceof TooManyRowsError ? error.rows : null };
  }
}
