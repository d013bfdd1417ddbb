/**
 * The wire format of the CSV check worker (worker/csvCheckWorker.ts): a file is parsed and built into a
 * Dataset there, off the main thread and in full, before it may replace the user's last good file.
 */
import type { TabularOptions } from '../data/table/tableDataset';

export interface CsvCheckRequest {
  name: string;
  text: string;
  options: TabularOptions;
  /** Take a random sample of this many rows first (the user asked to sample a file over the row limit). */
  sampleRows: number | null;
}

export type CsvCheckResult =
  | {
      ok: true;
      /** The text to keep: the file's own, or the sample's. */
      name: string;
      text: string;
      rows: number;
      d: number;
      c: number;
    }
  /** tooManyRows: the file's row count when that was the only problem found so far (it can be sampled). */
  | { ok: false; message: string; tooManyRows: number | null };
