/**
 * Kept runs in a compact form for storage and files. In memory a record holds float64 arrays; stored,
 * M, its spectrum and eigenvectors are float32 (what the heatmap and charts need: float32 keeps ~7
 * significant digits, far finer than a colour step), halving the bytes. Scalars (errors, accuracies) stay
 * float64. IndexedDB stores the typed arrays as they are (structured clone); the export file writes them
 * as base64 of their little-endian bytes inside JSON.
 *
 *   const stored = storeRun(run);           // for IndexedDB
 *   storedBytes(stored);                    // its approximate size on disk
 *   const text = exportRuns(runs);          // one JSON file
 *   const runs = importRuns(text);          // validated whole (runSchema.ts); ImportError names run and field
 */
import type { IterationRecord } from '../../core';
import type { SweepPoint } from '../../protocol/messages';
import { CheckError, exactObject, isObject, shown } from './check';
import { RUN_STORAGE_BUDGET } from './evict';
import type { KeptRun } from './keptRun';
import { restoreResults, storeResults, type StoredResults } from './keptResults';
import { storedRuns } from './runSchema';

export const EXPORT_FORMAT = 'rfm-explorer-runs';
export const EXPORT_VERSION = 1;

export interface StoredRecord extends Omit<
  IterationRecord,
  'M' | 'mEigenvalues' | 'mEigenvectors' | 'kernelEigenvalues'
> {
  M: Float32Array;
  mEigenvalues: Float32Array;
  /** The eigenvectors end to end: [count, d]. */
  mEigenvectors: Float32Array;
  kernelEigenvalues: Float32Array;
}

export interface StoredRun extends Omit<KeptRun, 'records' | 'point' | 'results'> {
  records: StoredRecord[];
  results?: StoredResults;
  point?: Omit<SweepPoint, 'M'> & { M: Float32Array };
}

export class ImportError extends Error {}

export function storeRecord(r: IterationRecord): StoredRecord {
  const vectors = new Float32Array(r.mEigenvectors.length * r.d);
  r.mEigenvectors.forEach((v, k) => vectors.set(v, k * r.d));
  return {
    ...r,
    M: Float32Array.from(r.M),
    mEigenvalues: Float32Array.from(r.mEigenvalues),
    mEigenvectors: vectors,
    kernelEigenvalues: Float32Array.from(r.kernelEigenvalues),
  };
}

export function restoreRecord(r: StoredRecord): IterationRecord {
  const count = r.d > 0 ? Math.floor(r.mEigenvectors.length / r.d) : 0;
  return {
    ...r,
    M: Float64Array.from(r.M),
    mEigenvalues: Float64Array.from(r.mEigenvalues),
    mEigenvectors: Array.from({ length: count }, (_, k) =>
      Float64Array.from(r.mEigenvectors.subarray(k * r.d, (k + 1) * r.d)),
    ),
    kernelEigenvalues: Float64Array.from(r.kernelEigenvalues),
  };
}

export function storeRun(run: KeptRun): StoredRun {
  const { point, results, ...rest } = run;
  const stored: StoredRun = { ...rest, records: run.records.map(storeRecord) };
  if (point) stored.point = { ...point, M: Float32Array.from(point.M) };
  if (results) stored.results = storeResults(results);
  return stored;
}

export function restoreRun(run: StoredRun): KeptRun {
  const { point, results, ...rest } = run;
  const restored: KeptRun = { ...rest, records: run.records.map(restoreRecord) };
  if (point) restored.point = { ...point, M: Float64Array.from(point.M) };
  if (results) restored.results = restoreResults(results);
  return restored;
}

/** Bytes a stored run takes: its typed arrays' bytes plus the JSON length of everything else. */
export function storedBytes(run: StoredRun): number {
  let typed = 0;
  const json = JSON.stringify(run, (_key, value: unknown) => {
    if (ArrayBuffer.isView(value)) {
      typed += value.byteLength;
      return null;
    }
    return value;
  });
  return typed + json.length;
}

/** All runs as one JSON document (typed arrays as base64). */
export function exportRuns(runs: readonly KeptRun[]): string {
  return JSON.stringify(
    { format: EXPORT_FORMAT, version: EXPORT_VERSION, runs: runs.map(storeRun) },
    (_key, value: unknown) => {
      if (value instanceof Float32Array) return { $f32: toBase64(value) };
      if (value instanceof Int32Array) return { $i32: toBase64(value) };
      return value;
    },
  );
}

/** The largest runs file read: the storage budget's worth of float32 as base64 (4/3) and then some. */
export const MAX_IMPORT_FILE_BYTES = Math.round(1.5 * RUN_STORAGE_BUDGET);

/**
 * Runs from an exported file, validated whole by the runs-file schema (./runSchema.ts); anything else is
 * refused with a message naming the run and the field, and nothing of a refused file is used.
 */
export function importRuns(text: string): KeptRun[] {
  if (text.length > MAX_IMPORT_FILE_BYTES)
    throw new ImportError(
      `the file is ${(text.length / 1024 / 1024).toFixed(1)} MB; a runs file may be at most ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB`,
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ImportError('the file is not JSON');
  }
  if (!isObject(parsed) || parsed.format !== EXPORT_FORMAT)
    throw new ImportError('the file is not an RFM Explorer runs file');
  if (parsed.version !== EXPORT_VERSION)
    throw new ImportError(`runs file version ${shown(parsed.version)} is not supported`);
  try {
    exactObject(parsed, 'the file', ['format', 'version', 'runs']);
    return storedRuns(parsed.runs).map(restoreRun);
  } catch (error) {
    if (error instanceof CheckError) throw new ImportError(error.message);
    throw error;
  }
}

function toBase64(array: Float32Array | Int32Array): string {
  const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}
