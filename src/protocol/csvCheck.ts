/**
 * The wire format of the CSV check worker (worker/csvCheckWorker.ts): a file is parsed and built into a
 * Dataset there, off the main thread and in full, before it may replace the user's last good file.
 */
import type { DetectedTask } from '../data/table/detectTask';
import type { TabularOptions } from '../data/table/tableDataset';

export interface CsvCheckRequest {
  name: string;
  text: string;
  options: TabularOptions;
  /** Take a random sample of this many rows first (the user asked to sample a file over the row limit). */
  sampleRows: number | null;
  /** Read the task from the target column (a new file) instead of taking options.task (a task the user chose). */
  detectTask?: boolean;
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
      /** The task read from the target column, when asked for and readable; the file was checked under it. */
      detected: DetectedTask | null;
    }
  /** tooManyRows: the file's row count when that was the only problem found so far (it can be sampled). */
  | { ok: false; message: string; tooManyRows: number | null };
