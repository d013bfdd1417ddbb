/** How the results are looked at: which iteration the scrubber shows, whether M's diagonal is hidden. */
import type { StateCreator } from 'zustand';
import type { AppState } from './store';

export interface ViewSlice {
  /** null follows the latest iteration. */
  selectedIteration: number | null;
  hideDiagonal: boolean;
  selectIteration: (iteration: number | null) => void;
  setHideDiagonal: (hide: boolean) => void;
}

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set) => ({
  selectedIteration: null,
  hideDiagonal: false,
  selectIteration: (iteration) => set({ selectedIteration: iteration }),
  setHideDiagonal: (hide) => set({ hideDiagonal: hide }),
});
