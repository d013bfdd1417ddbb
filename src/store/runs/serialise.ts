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
 *   const runs = importRuns(text);          // throws ImportError with a plain message on bad input
 */
import type { IterationRecord } from '../../core';
import type { SweepPoint } from '../../protocol/messages';
import type { KeptRun } from './keptRun';

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

export interface StoredRun extends Omit<KeptRun, 'records' | 'point'> {
  records: StoredRecord[];
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
  const { point, ...rest } = run;
  const stored: StoredRun = { ...rest, records: run.records.map(storeRecord) };
  if (point) stored.point = { ...point, M: Float32Array.from(point.M) };
  return stored;
}

export function restoreRun(run: StoredRun): KeptRun {
  const { point, ...rest } = run;
  const restored: KeptRun = { ...rest, records: run.records.map(restoreRecord) };
  if (point) restored.point = { ...point, M: Float64Array.from(point.M) };
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

/** Runs from an exported file; anything else is refused with a message saying why. */
export function importRuns(text: string): KeptRun[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text, (_key, value: unknown) => {
      if (value && typeof value === 'object' && '$f32' in value)
        return new Float32Array(fromBase64(String(value.$f32)));
      if (value && typeof value === 'object' && '$i32' in value) return new Int32Array(fromBase64(String(value.$i32)));
      return value;
    });
  } catch {
    throw new ImportError('the file is not JSON');
  }
  if (!parsed || typeof parsed !== 'object') throw new ImportError('the file is not an RFM Explorer runs file');
  const doc = parsed as { format?: unknown; version?: unknown; runs?: unknown };
  if (doc.format !== EXPORT_FORMAT) throw new ImportError('the file is not an RFM Explorer runs file');
  if (doc.version !== EXPORT_VERSION)
    throw new ImportError(`runs file version ${String(doc.version)} is not supported`);
  if (!Array.isArray(doc.runs)) throw new ImportError('the file has no runs');
  return doc.runs.map((run: unknown, index) => {
    if (!isStoredRun(run)) throw new ImportError(`run ${index + 1} in the file is incomplete`);
    return restoreRun(run);
  });
}

function isStoredRun(value: unknown): value is StoredRun {
  if (!value || typeof value !== 'object') return false;
  const run = value as Partial<StoredRun>;
  return (
    typeof run.id === 'string' &&
    typeof run.name === 'string' &&
    typeof run.params === 'object' &&
    Array.isArray(run.records) &&
    run.records.every((r) => r && typeof r.d === 'number' && r.M instanceof Float32Array && r.M.length === r.d * r.d)
  );
}

function toBase64(array: Float32Array | Int32Array): string {
  const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

function fromBase64(text: string): ArrayBuffer {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}
