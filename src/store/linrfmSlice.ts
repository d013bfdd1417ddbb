/** The current lin-RFM run as the worker reports it: the problem's summary and one record per iteration. */
import type { StateCreator } from 'zustand';
import type { LinRfmRecord, LinRfmSummary } from '../experiments/linrfmExperiment';
import type { AppState } from './store';

export interface LinRfmSlice {
  linrfmSummary: LinRfmSummary | null;
  linrfmRecords: LinRfmRecord[];
  linrfmRequested: () => void;
  linrfmStarted: (summary: LinRfmSummary) => void;
  linrfmIterationCompleted: (record: LinRfmRecord) => void;
}

export const createLinRfmSlice: StateCreator<AppState, [], [], LinRfmSlice> = (set) => ({
  linrfmSummary: null,
  linrfmRecords: [],
  linrfmRequested: () => set({ linrfmSummary: null, linrfmRecords: [] }),
  linrfmStarted: (summary) => set({ linrfmSummary: summary, status: 'running' }),
  linrfmIterationCompleted: (record) => set((s) => ({ linrfmRecords: [...s.linrfmRecords, record] })),
});
