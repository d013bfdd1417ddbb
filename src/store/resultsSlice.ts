/**
 * The results of the job on screen (results.ts): one value typed by the job, filled by the worker's
 * events. Its lifecycle is the run slice's: runRequested replaces it with the new job's empty results.
 * An event for results the job does not have (a sweep point during an RFM run) leaves it unchanged.
 */
import type { StateCreator } from 'zustand';
import type { IterationRecord } from '../core';
import type { NnEpochRecord, NnProgress } from '../core/nn/networkTypes';
import type { LinRfmRecord, LinRfmSummary } from '../experiments/linrfmExperiment';
import type { DeepLayerResult, DeepSummary } from '../protocol/deepMessages';
import type { SweepPoint } from '../protocol/messages';
import type { ConvLine, ConvPoint, ConvRecord, ConvSummary } from '../protocol/convMessages';
import type { CatapultStep } from '../core/nn/catapult';
import type { CatapultRunResult, CatapultSummary } from '../protocol/catapultMessages';
import {
  emptyResults,
  withDeepLayer,
  withDeepSummary,
  withConvPoint,
  withConvRecord,
  withConvSummary,
  withCatapultRun,
  withCatapultRunChange,
  withCatapultSummary,
  withIteration,
  withLinRfmRecord,
  withLinRfmSummary,
  withNn,
  withSweepPoint,
  type Results,
} from './results';
import type { AppState } from './store';

export interface ResultsSlice {
  /** The job whose results are on screen and what it has produced so far. */
  results: Results;
  iterationCompleted: (record: IterationRecord) => void;
  sweepPointCompleted: (point: SweepPoint) => void;
  linrfmStarted: (summary: LinRfmSummary) => void;
  linrfmIterationCompleted: (record: LinRfmRecord) => void;
  nnStarted: (epochs: number, recordEvery: number) => void;
  nnProgressed: (progress: NnProgress) => void;
  nnEpochCompleted: (record: NnEpochRecord) => void;
  deepStarted: (summary: DeepSummary) => void;
  deepLayerCompleted: (layer: DeepLayerResult) => void;
  convStarted: (summary: ConvSummary) => void;
  convIterationCompleted: (record: ConvRecord) => void;
  convPointCompleted: (line: ConvLine, point: ConvPoint) => void;
  catapultStarted: (summary: CatapultSummary) => void;
  catapultRunStarted: (index: number, lr: number, criticalLr: number) => void;
  catapultStepped: (index: number, step: CatapultStep) => void;
  catapultRunFinished: (index: number, result: CatapultRunResult) => void;
}

export const createResultsSlice: StateCreator<AppState, [], [], ResultsSlice> = (set) => ({
  results: emptyResults({ kind: 'rfm' }),
  iterationCompleted: (record) => set((s) => ({ results: withIteration(s.results, record) })),
  sweepPointCompleted: (point) => set((s) => ({ results: withSweepPoint(s.results, point) })),
  linrfmStarted: (summary) => set((s) => ({ results: withLinRfmSummary(s.results, summary) })),
  linrfmIterationCompleted: (record) => set((s) => ({ results: withLinRfmRecord(s.results, record) })),
  nnStarted: (epochs, recordEvery) =>
    set((s) => ({
      results: withNn(s.results, () => ({ started: true, records: [], epochs, recordEvery, progress: null })),
      selectedNnRecord: null,
    })),
  nnProgressed: (progress) => set((s) => ({ results: withNn(s.results, (nn) => ({ ...nn, progress })) })),
  nnEpochCompleted: (record) =>
    set((s) => ({ results: withNn(s.results, (nn) => ({ ...nn, records: [...nn.records, record] })) })),
  deepStarted: (summary) => set((s) => ({ results: withDeepSummary(s.results, summary) })),
  deepLayerCompleted: (layer) => set((s) => ({ results: withDeepLayer(s.results, layer) })),
  convStarted: (summary) => set((s) => ({ results: withConvSummary(s.results, summary) })),
  convIterationCompleted: (record) => set((s) => ({ results: withConvRecord(s.results, record) })),
  convPointCompleted: (line, point) => set((s) => ({ results: withConvPoint(s.results, line, point) })),
  catapultStarted: (summary) => set((s) => ({ results: withCatapultSummary(s.results, summary) })),
  catapultRunStarted: (index, lr, criticalLr) =>
    set((s) => ({ results: withCatapultRun(s.results, index, lr, criticalLr) })),
  catapultStepped: (index, step) =>
    set((s) => ({
      results: withCatapultRunChange(s.results, index, (run) => ({ ...run, steps: [...run.steps, step] })),
    })),
  catapultRunFinished: (index, result) =>
    set((s) => ({ results: withCatapultRunChange(s.results, index, (run) => ({ ...run, result })) })),
});
