/**
 * The full check of an uploaded CSV that runs before it may replace the last good one (in the CSV check
 * worker, off the main thread): the same pipeline the training run uses, plus the feature-count guard,
 * optionally on a seeded random sample of its rows. For a new file the task is read from its target
 * column (./detectTask.ts) and the file checked under it.
 */
import { checkRunCost } from '../../core/runCost';
import type { CsvCheckRequest, CsvCheckResult } from '../../protocol/csvCheck';
import { detectTask } from './detectTask';
import { sampleCsvRows } from './sampleRows';
import { TooManyRowsError, datasetFromCsvText } from './tableDataset';

export function checkCsv({
  name,
  text,
  options: chosen,
  sampleRows,
  detectTask: detect,
}: CsvCheckRequest): CsvCheckResult {
  try {
    let checkedName = name;
    let checkedText = text;
    if (sampleRows !== null) {
      const sample = sampleCsvRows(name, text, sampleRows, chosen.seed);
      if (sample.total > sampleRows) {
        checkedText = sample.text;
        checkedName = `${name} (a random ${sampleRows.toLocaleString('en-US')} of its ${sample.total.toLocaleString('en-US')} rows)`;
      }
    }
    const detected = detect ? detectTask(checkedName, checkedText, chosen.target) : null;
    const options = detected ? { ...chosen, task: detected.task } : chosen;
    const data = datasetFromCsvText(checkedName, checkedText, options);
    checkRunCost({ n: data.nTrain, nTest: data.nTest, d: data.d, c: data.c }); // too wide: refused here, not in the run
    const rows = data.nTrain + data.nTest;
    return { ok: true, name: checkedName, text: checkedText, rows, d: data.d, c: data.c, detected };
  } catch (error) {
    let message = error instanceof Error ? error.message : String(error);
    // Class labels refused under regression (chosen by hand): say which task would read them.
    const labels = chosen.task === 'regression' && !detect ? detectTask(name, text, chosen.target) : null;
    if (labels?.task === 'classification') message += ` Since ${labels.reason}, choose the task classification.`;
    return { ok: false, message, tooManyRows: error instanceof TooManyRowsError ? error.rows : null };
  }
}
