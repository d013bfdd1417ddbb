/**
 * Which record of the network trained beside the RFM the feature heatmaps show. The network's records
 * are part of the run's results (results.ts, kind 'rfm+nn'); selectors in nnSelectors.ts.
 */
import type { StateCreator } from 'zustand';
import type { AppState } from './store';

export interface NnSlice {
  /** Index into the network's records of the record the heatmaps show; null follows the latest. */
  selectedNnRecord: number | null;
  selectNnRecord: (index: number | null) => void;
}

export const createNnSlice: StateCreator<AppState, [], [], NnSlice> = (set) => ({
  selectedNnRecord: null,
  selectNnRecord: (index) => set({ selectedNnRecord: index }),
});
