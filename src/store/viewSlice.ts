/** How the results are looked at: which iteration the scrubber shows, whether M's diagonal is hidden. */
import type { StateCreator } from 'zustand';
import type { AppState } from './store';

export interface ViewSlice {
  /** null follows the latest iteration. */
  selectedIteration: number | null;
  /** The sweep point whose M is shown (null: none picked). */
  selectedSweepPoint: number | null;
  /** null: the default for the data (hidden for modular arithmetic, where the diagonal dominates). */
  hideDiagonal: boolean | null;
  /** Modular arithmetic: order residues by a discrete logarithm (for * and /). */
  discreteLogOrder: boolean;
  selectIteration: (iteration: number | null) => void;
  selectSweepPoint: (index: number | null) => void;
  setHideDiagonal: (hide: boolean) => void;
  setDiscreteLogOrder: (on: boolean) => void;
}

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set) => ({
  selectedIteration: null,
  selectedSweepPoint: null,
  hideDiagonal: null,
  discreteLogOrder: false,
  selectIteration: (iteration) => set({ selectedIteration: iteration }),
  selectSweepPoint: (index) => set({ selectedSweepPoint: index }),
  setHideDiagonal: (hide) => set({ hideDiagonal: hide }),
  setDiscreteLogOrder: (on) => set({ discreteLogOrder: on }),
});
