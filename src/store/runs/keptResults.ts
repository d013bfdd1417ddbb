/**
 * What a kept run of another kind than the kernel RFM holds, so that it opens again without retraining: a
 * sweep's points, a lin-RFM run's problem and records, the phase grid's cells, a Deep RFM run's summary and
 * layers, a ConvRFM run's records and comparisons (store/results.ts, without the job, which the run's parameters give again). Stored compact, as RFM records are (serialise.ts): every
 * float array as float32 (what the panels draw), the support as int32, the mask as 0/1 float32; restored to
 * the types the panels read.
 */
import type { CompletionRecord, SparseRecord } from '../../core/linrfm/linrfmTypes';
import type { DeepLayerRecord } from '../../core/deep/deepTypes';
import type { ConvLine, ConvPoint, ConvRecord, ConvSummary } from '../../protocol/convMessages';
import type { DeepLayerResult, DeepSummary } from '../../protocol/deepMessages';
import type { LinRfmRecord, LinRfmSummary, PhaseCell } from '../../protocol/linrfmMessages';
import type { SweepPoint } from '../../protocol/messages';
import type { ResultsOf } from '../results';

type Kept<R> = R extends { job: unknown } ? Omit<R, 'job'> : never;
/** The results a kept sweep or lin-RFM run carries (an RFM run keeps its iteration records instead). */
export type KeptResults = Kept<
  ResultsOf<'sweep'> | ResultsOf<'linrfm'> | ResultsOf<'linrfm-phase'> | ResultsOf<'deep-rfm'> | ResultsOf<'convrfm'>
>;

type F32<T, K extends keyof T> = Omit<T, K> & { [P in K]: Float32Array };
export type StoredPoint = F32<SweepPoint, 'M'>;
export type StoredSummary =
  | F32<Extract<LinRfmSummary, { kind: 'completion' }>, 'truthPreview' | 'maskPreview'>
  | F32<Extract<LinRfmSummary, { kind: 'sparse' }>, 'beta'>
  | Extract<LinRfmSummary, { kind: 'phase' }>;
export type StoredLinRfmRecord =
  | { kind: 'completion'; record: F32<CompletionRecord, 'singularValues' | 'mSpectrum'> }
  | { kind: 'sparse'; record: F32<SparseRecord, 'estimate' | 'mDiagonal'> }
  | { kind: 'phase'; record: PhaseCell };
export interface StoredDeepLayer {
  record: Omit<DeepLayerRecord, 'meanCosines' | 'mEigenvalues'> & {
    meanCosines: Record<keyof DeepLayerRecord['meanCosines'], Float32Array>;
    mEigenvalues: Float32Array | null;
  };
  gram: Float32Array;
}
export type StoredResults =
  | { kind: 'sweep'; points: StoredPoint[] }
  | { kind: 'linrfm' | 'linrfm-phase'; summary: StoredSummary; records: StoredLinRfmRecord[] }
  | { kind: 'deep-rfm'; summary: DeepSummary; layers: StoredDeepLayer[] }
  | { kind: 'convrfm'; summary: ConvSummary; records: StoredConvRecord[]; lines: Record<ConvLine, ConvPoint[]> };
/** A ConvRFM record with M and its filters in float32 (the responses and the probe already are). */
export type StoredConvRecord = Omit<ConvRecord, 'M' | 'filters'> & {
  M: Float32Array;
  filters: { eigenvalue: number; values: Float32Array; sum: number }[];
};

const f32 = (a: ArrayLike<number>) => Float32Array.from(a);
const f64 = (a: ArrayLike<number>) => Float64Array.from(a);

export const storePoint = (p: SweepPoint): StoredPoint => ({ ...p, M: f32(p.M) });
export const restorePoint = (p: StoredPoint): SweepPoint => ({ ...p, M: f64(p.M) });

function storeSummary(s: LinRfmSummary): StoredSummary {
  switch (s.kind) {
    case 'completion':
      return { ...s, truthPreview: f32(s.truthPreview), maskPreview: f32(s.maskPreview) };
    case 'sparse':
      return { ...s, beta: f32(s.beta) };
    case 'phase':
      return s;
  }
}

function restoreSummary(s: StoredSummary): LinRfmSummary {
  switch (s.kind) {
    case 'completion':
      return { ...s, truthPreview: f32(s.truthPreview), maskPreview: Uint8Array.from(s.maskPreview) };
    case 'sparse':
      return { ...s, beta: f64(s.beta) };
    case 'phase':
      return s;
  }
}

function storeLinRfmRecord(r: LinRfmRecord): StoredLinRfmRecord {
  switch (r.kind) {
    case 'completion':
      return { kind: r.kind, record: { ...r.record, singularValues: f32(r.record.singularValues), mSpectrum: f32(r.record.mSpectrum), preview: f32(r.record.preview) } }; // prettier-ignore
    case 'sparse':
      return { kind: r.kind, record: { ...r.record, estimate: f32(r.record.estimate), mDiagonal: f32(r.record.mDiagonal), support: Int32Array.from(r.record.support) } }; // prettier-ignore
    case 'phase':
      return r;
  }
}

function restoreLinRfmRecord(r: StoredLinRfmRecord): LinRfmRecord {
  switch (r.kind) {
    case 'completion':
      return { kind: r.kind, record: { ...r.record, singularValues: f64(r.record.singularValues), mSpectrum: f64(r.record.mSpectrum) } }; // prettier-ignore
    case 'sparse':
      return { kind: r.kind, record: { ...r.record, estimate: f64(r.record.estimate), mDiagonal: f64(r.record.mDiagonal) } }; // prettier-ignore
    case 'phase':
      return r;
  }
}

function storeDeepLayer({ record, gram }: DeepLayerResult): StoredDeepLayer {
  const { X, sqrtM_X, next } = record.meanCosines;
  return {
    record: {
      ...record,
      meanCosines: { X: f32(X), sqrtM_X: f32(sqrtM_X), next: f32(next) },
      mEigenvalues: record.mEigenvalues && f32(record.mEigenvalues),
    },
    gram: f32(gram),
  };
}

function restoreDeepLayer({ record, gram }: StoredDeepLayer): DeepLayerResult {
  const { X, sqrtM_X, next } = record.meanCosines;
  return {
    record: {
      ...record,
      meanCosines: { X: f64(X), sqrtM_X: f64(sqrtM_X), next: f64(next) },
      mEigenvalues: record.mEigenvalues && f64(record.mEigenvalues),
    },
    gram: f32(gram),
  };
}

const storeConvRecord = (r: ConvRecord): StoredConvRecord => ({
  ...r,
  M: f32(r.M),
  filters: r.filters.map((f) => ({ ...f, values: f32(f.values) })),
  responses: f32(r.responses),
});
const restoreConvRecord = (r: StoredConvRecord): ConvRecord => ({
  ...r,
  M: f64(r.M),
  filters: r.filters.map((f) => ({ ...f, values: f64(f.values) })),
  responses: f32(r.responses),
});

export function storeResults(r: KeptResults): StoredResults {
  if (r.kind === 'sweep') return { kind: r.kind, points: r.points.map(storePoint) };
  if (r.kind === 'convrfm') {
    if (!r.summary) throw new Error('a ConvRFM run is kept once its data is built');
    const summary = { ...r.summary, probe: f32(r.summary.probe) };
    return { kind: r.kind, summary, records: r.records.map(storeConvRecord), lines: r.lines };
  }
  if (r.kind === 'deep-rfm') {
    if (!r.summary) throw new Error('a Deep RFM run is kept once its points are built');
    const summary = { ...r.summary, classStarts: Int32Array.from(r.summary.classStarts) };
    return { kind: r.kind, summary, layers: r.layers.map(storeDeepLayer) };
  }
  if (!r.summary) throw new Error('a lin-RFM run is kept once its problem is built');
  return { kind: r.kind, summary: storeSummary(r.summary), records: r.records.map(storeLinRfmRecord) };
}

export function restoreResults(r: StoredResults): KeptResults {
  if (r.kind === 'sweep') return { kind: r.kind, points: r.points.map(restorePoint) };
  if (r.kind === 'deep-rfm') return { kind: r.kind, summary: r.summary, layers: r.layers.map(restoreDeepLayer) };
  if (r.kind === 'convrfm')
    return { kind: r.kind, summary: r.summary, records: r.records.map(restoreConvRecord), lines: r.lines };
  return { kind: r.kind, summary: restoreSummary(r.summary), records: r.records.map(restoreLinRfmRecord) };
}

/** What a kept run holds, in words for the runs list: "5 iterations", "4 points", "48 cells", "12 layers" or "final M only". */
export function keptSize(run: { records: readonly unknown[]; results?: KeptResults }): string {
  const count = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  const r = run.results;
  if (r?.kind === 'sweep') return count(r.points.length, 'point');
  if (r?.kind === 'linrfm-phase') return count(r.records.length, 'cell');
  if (r?.kind === 'linrfm') return count(Math.max(0, r.records.length - 1), 'iteration');
  if (r?.kind === 'deep-rfm') return count(r.layers.length, 'layer');
  if (r?.kind === 'convrfm') return count(Math.max(0, r.records.length - 1), 'iteration');
  return run.records.length > 0 ? count(run.records.length - 1, 'iteration') : 'final M only';
}
