/**
 * Checks an uploaded CSV in full, off the main thread: the same pipeline the training worker runs
 * (parse every cell, targets, split, float32, one-hot), so a file that passes here trains there, and one
 * that fails is refused before it replaces anything. Optionally samples rows first. One request per worker.
 */
/// <reference lib="webworker" />
import { MAX_CSV_ROWS } from '../data/table/csvHeader';
import { sampleCsvRows } from '../data/table/sampleRows';
import { TooManyRowsError, datasetFromCsvText } from '../data/table/tableDataset';
import type { CsvCheckRequest, CsvCheckResult } from '../protocol/csvCheck';

declare const self: DedicatedWorkerGlobalScope;

function check({ name, text, options, sampleRows }: CsvCheckRequest): CsvCheckResult {
  try {
    let checkedName = name;
    let checkedText = text;
    if (sampleRows !== null) {
      const sample = sampleCsvRows(name, text, Math.min(sampleRows, MAX_CSV_ROWS), options.seed);
      if (sample.total > sampleRows) {
        checkedText = sample.text;
        checkedName = `${name} (a random ${sampleRows.toLocaleString('en-US')} of its ${sample.total.toLocaleString('en-US')} rows)`;
      }
    }
    const data = datasetFromCsvText(checkedName, checkedText, options);
    return { ok: true, name: checkedName, text: checkedText, rows: data.nTrain + data.nTest, d: data.d, c: data.c };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, message, tooManyRows: error instanceof TooManyRowsError ? error.rows : null };
  }
}

self.onmessage = (message: MessageEvent<CsvCheckRequest>) => self.postMessage(check(message.data));
