/**
 * The current lin-RFM run as the worker reports it: the problem's summary and one record per iteration.
 * Its lifecycle is the run slice's: runRequested clears it, runStarted marks the run as running.
 */
import type { StateCreator } from 'zustand';
import type { LinRfmRecord, LinRfmSummary } from '../experiments/linrfmExperiment';
import type { AppState } from './store';

export interface LinRfmSlice {
  linrfmSummary: LinRfmSummary | null;
  linrfmRecords: LinRfmRecord[];
  linrfmStarted: (summary: LinRfmSummary) => void;
  linrfmIterationCompleted: (record: LinRfmRecord) => void;
}

export const createLinRfmSlice: StateCreator<AppState, [], [], LinRfmSlice> = (set) => ({
  linrfmSummary: null,
  linrfmRecords: [],
  linrfmStarted: (summary) => set({ linrfmSummary: summary }),
  linrfmIterationCompleted: (record) => set((s) => ({ linrfmRecords: [...s.linrfmRecords, record] })),
});
