/**
 * The results of the job on screen, in one value typed by the job (docs/architecture.md): an RFM run has
 * iteration records (and, beside a network, the network's epoch records), a sweep has points, a lin-RFM
 * job has its problem's summary and records. `Results` is a union keyed by the job's kind, so a panel
 * asks the job what it has, and a new kind fails to compile until it says what its results are.
 * Pure functions over the value; the store's actions (resultsSlice.ts) and selectors use them.
 */
import type { IterationRecord } from '../core';
import type { NnEpochRecord, NnProgress } from '../core/nn/networkTypes';
import type { LinRfmRecord, LinRfmSummary } from '../experiments/linrfmExperiment';
import type { Job, JobKind, JobOf } from '../jobs/job';
import type { DeepLayerResult, DeepSummary } from '../protocol/deepMessages';
import type { SweepPoint } from '../protocol/messages';
import type { ConvLine, ConvPoint, ConvRecord, ConvSummary } from '../protocol/convMessages';
import type { TreeResults } from './treeResults';
import type { CatapultStep } from '../core/nn/catapult';
import type { CatapultRunResult, CatapultSummary } from '../protocol/catapultMessages';

/** The network trained beside the RFM: its recorded epochs as the worker reports them. */
export interface NnHistory {
  /** False until the worker has started the network (after the RFM's last iteration). */
  started: boolean;
  records: NnEpochRecord[];
  epochs: number;
  recordEvery: number;
  progress: NnProgress | null;
}

interface LinRfmResults {
  /** The problem (sent once, before the first record); null until the worker has built it. */
  summary: LinRfmSummary | null;
  records: LinRfmRecord[];
}

/** Deep RFM (docs/deeprfm.md): what it fits, then its layers as they finish (AGOP stack, then control). */
export interface DeepResults {
  /** Null until the worker has built the points. */
  summary: DeepSummary | null;
  layers: DeepLayerResult[];
}

/** ConvRFM's results (docs/convrfm.md): what it trains on, its records, and the comparisons' points by line. */
export interface ConvResults {
  summary: ConvSummary | null;
  records: ConvRecord[];
  lines: Record<ConvLine, ConvPoint[]>;
}

/** One run of the catapults sweep as the worker reports it: its rate, its steps so far, how it ended. */
export interface CatapultRunState {
  /** Its entry of the job's plan (the same index). */
  index: number;
  lr: number;
  criticalLr: number;
  steps: CatapultStep[];
  /** Null until the run has finished. */
  result: CatapultRunResult | null;
}

/** The catapults sweep (docs/catapults.md): what it trains, then its runs in the plan's order as they go. */
export interface CatapultResults {
  summary: CatapultSummary | null;
  runs: CatapultRunState[];
}

/** What each kind of job produces. Indexed by every JobKind, so a new kind must add its entry. */
interface ResultsByKind {
  rfm: { records: IterationRecord[] };
  'rfm+nn': { records: IterationRecord[]; nn: NnHistory };
  sweep: { points: SweepPoint[] };
  linrfm: LinRfmResults;
  'linrfm-phase': LinRfmResults;
  'deep-rfm': DeepResults;
  convrfm: ConvResults;
  tree: TreeResults;
  catapults: CatapultResults;
}

export type ResultsOf<K extends JobKind> = { kind: K; job: JobOf<K> } & ResultsByKind[K];
export type Results = { [K in JobKind]: ResultsOf<K> }[JobKind];

const EMPTY_TREE: TreeResults = { shape: null, leaves: [], summary: null, progress: null, grownAt: null };

export const EMPTY_NN: NnHistory = { started: false, records: [], epochs: 0, recordEvery: 1, progress: null };

/** The empty results of a job: what a new run starts from. */
export function emptyResults(job: Job): Results {
  switch (job.kind) {
    case 'rfm':
      return { kind: job.kind, job, records: [] };
    case 'rfm+nn':
      return { kind: job.kind, job, records: [], nn: EMPTY_NN };
    case 'sweep':
      return { kind: job.kind, job, points: [] };
    case 'linrfm':
      return { kind: job.kind, job, summary: null, records: [] };
    case 'linrfm-phase':
      return { kind: job.kind, job, summary: null, records: [] };
    case 'deep-rfm':
      return { kind: job.kind, job, summary: null, layers: [] };
    case 'convrfm':
      return {
        kind: job.kind,
        job,
        summary: null,
        records: [],
        lines: { plain: [], deepLearned: [], deepIdentity: [] },
      };
    case 'tree':
      return { kind: job.kind, job, ...EMPTY_TREE };
    case 'catapults':
      return { kind: job.kind, job, summary: null, runs: [] };
  }
}

/** The units of the job done so far: iterations of a run, points of a sweep, lin-RFM records or cells. */
export function completedUnits(results: Results): number {
  switch (results.kind) {
    case 'rfm':
    case 'rfm+nn':
    case 'linrfm':
    case 'linrfm-phase':
    case 'convrfm':
      return results.records.length;
    case 'sweep':
      return results.points.length;
    case 'deep-rfm':
      return results.layers.length;
    case 'tree':
      return results.leaves.length;
    case 'catapults':
      return results.runs.reduce((sum, run) => sum + run.steps.length, 0);
  }
}

/** Whether the results are RFM iteration records (an RFM run, with or without a network beside it). */
export const hasIterationRecords = (r: Results): r is ResultsOf<'rfm'> | ResultsOf<'rfm+nn'> =>
  r.kind === 'rfm' || r.kind === 'rfm+nn';

/** Whether the results are lin-RFM records. */
export const isLinRfmResults = (r: Results): r is ResultsOf<'linrfm'> | ResultsOf<'linrfm-phase'> =>
  r.kind === 'linrfm' || r.kind === 'linrfm-phase';

/** The results with one more RFM iteration record; unchanged for a job that has none. */
export function withIteration(r: Results, record: IterationRecord): Results {
  return hasIterationRecords(r) ? { ...r, records: [...r.records, record] } : r;
}

/** The results with one more sweep point; unchanged for a job that is not a sweep. */
export function withSweepPoint(r: Results, point: SweepPoint): Results {
  return r.kind === 'sweep' ? { ...r, points: [...r.points, point] } : r;
}

/** The lin-RFM results with their problem's summary; unchanged for another job. */
export function withLinRfmSummary(r: Results, summary: LinRfmSummary): Results {
  return isLinRfmResults(r) ? { ...r, summary } : r;
}

/** The lin-RFM results with one more record; unchanged for another job. */
export function withLinRfmRecord(r: Results, record: LinRfmRecord): Results {
  return isLinRfmResults(r) ? { ...r, records: [...r.records, record] } : r;
}

/** The results with the network beside the RFM changed; unchanged for a job that trains none. */
export function withNn(r: Results, change: (nn: NnHistory) => NnHistory): Results {
  return r.kind === 'rfm+nn' ? { ...r, nn: change(r.nn) } : r;
}

/** The Deep RFM results with what the run fits; unchanged for another job. */
export function withDeepSummary(r: Results, summary: DeepSummary): Results {
  return r.kind === 'deep-rfm' ? { ...r, summary } : r;
}

/** The Deep RFM results with one more layer; unchanged for another job. */
export function withDeepLayer(r: Results, layer: DeepLayerResult): Results {
  return r.kind === 'deep-rfm' ? { ...r, layers: [...r.layers, layer] } : r;
}

/** ConvRFM's results with what it trains on; unchanged for another job. */
export function withConvSummary(r: Results, summary: ConvSummary): Results {
  return r.kind === 'convrfm' ? { ...r, summary } : r;
}

/** ConvRFM's results with one more record; unchanged for another job. */
export function withConvRecord(r: Results, record: ConvRecord): Results {
  return r.kind === 'convrfm' ? { ...r, records: [...r.records, record] } : r;
}

/** ConvRFM's results with one more point of a comparison; unchanged for another job. */
export function withConvPoint(r: Results, line: ConvLine, point: ConvPoint): Results {
  return r.kind === 'convrfm' ? { ...r, lines: { ...r.lines, [line]: [...r.lines[line], point] } } : r;
}

/** The catapults results with what the sweep trains; unchanged for another job. */
export function withCatapultSummary(r: Results, summary: CatapultSummary): Results {
  return r.kind === 'catapults' ? { ...r, summary } : r;
}

/** The catapults results with run `index` started at its learning rate; unchanged for another job. */
export function withCatapultRun(r: Results, index: number, lr: number, criticalLr: number): Results {
  if (r.kind !== 'catapults') return r;
  const run: CatapultRunState = { index, lr, criticalLr, steps: [], result: null };
  return { ...r, runs: [...r.runs.filter((x) => x.index !== index), run].sort((a, b) => a.index - b.index) };
}

/** The catapults results with run `index` changed; unchanged for another job or a run not started. */
export function withCatapultRunChange(
  r: Results,
  index: number,
  change: (run: CatapultRunState) => CatapultRunState,
): Results {
  if (r.kind !== 'catapults') return r;
  return { ...r, runs: r.runs.map((run) => (run.index === index ? change(run) : run)) };
}
