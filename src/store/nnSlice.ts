/**
 * The network trained beside the RFM (params.model = 'rfm+nn'): its recorded epochs as the worker reports
 * them, tagged with their run, and which record the feature heatmaps show. Selectors in nnSelectors.ts.
 */
import type { StateCreator } from 'zustand';
import type { NnEpochRecord, NnProgress } from '../core/nn/networkTypes';
import type { AppState } from './store';

export interface NnHistory {
  /** The run these records belong to: records of an older run are never shown (see nnSelectors). */
  runId: number;
  records: NnEpochRecord[];
  epochs: number;
  recordEvery: number;
  progress: NnProgress | null;
}

export interface NnSlice {
  nn: NnHistory;
  /** Index into nn.records of the record the heatmaps show; null follows the latest. */
  selectedNnRecord: number | null;
  nnStarted: (runId: number, epochs: number, recordEvery: number) => void;
  nnProgressed: (progress: NnProgress) => void;
  nnEpochCompleted: (record: NnEpochRecord) => void;
  selectNnRecord: (index: number | null) => void;
}

export const createNnSlice: StateCreator<AppState, [], [], NnSlice> = (set) => ({
  nn: { runId: -1, records: [], epochs: 0, recordEvery: 1, progress: null },
  selectedNnRecord: null,
  nnStarted: (runId, epochs, recordEvery) =>
    set({ nn: { runId, records: [], epochs, recordEvery, progress: null }, selectedNnRecord: null }),
  nnProgressed: (progress) => set((s) => ({ nn: { ...s.nn, progress } })),
  nnEpochCompleted: (record) => set((s) => ({ nn: { ...s.nn, records: [...s.nn.records, record] } })),
  selectNnRecord: (index) => set({ selectedNnRecord: index }),
});
