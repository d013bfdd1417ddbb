/**
 * The wire format of the CSV check worker (worker/csvCheckWorker.ts): a file is parsed and built into a
 * Dataset there, off the main thread and in full, before it may replace the user's last good file.
 */
/** How a table becomes a Dataset (data/table/tableDataset.ts reads it). */
export interface TabularOptions {
  /** Target column(s), comma-separated; '' picks the data set's natural target (the last column for a CSV). */
  target: string;
  task: 'regression' | 'classification';
  /** Standardise features with the training split's mean and standard deviation. */
  standardise: boolean;
  /** Share of rows held out for testing. */
  testShare: number;
  seed: number;
  /**
   * Most data rows a file may have (absent: one kernel's limit, data/table/csvHeader.ts MAX_CSV_ROWS). With a
   * leaf size set, a tree of RFMs trains up to core/tree/treeLimits.ts MAX_TREE_ROWS (docs/trees.md).
   */
  maxRows?: number;
}

/** The task a CSV's target column asks for, and why (data/table/detectTask.ts decides it). */
export interface DetectedTask {
  task: TabularOptions['task'];
  /** Why, in words: `the target column "y" holds text labels (3 classes)`. */
  reason: string;
}

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
