/**
 * How the results are looked at: which iteration the scrubber shows, whether M's diagonal is hidden, M's
 * colour scale and top-k block (their keys and defaults are in params/view.ts).
 */
import type { StateCreator } from 'zustand';
import { VIEW_PARAMS, type ViewState } from '../params/view';
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
  /** Colour scale of M's heatmaps (view key mscale). */
  mscale: ViewState['mscale'];
  /** Show only the block of the k coordinates with the largest diagonal entries; 0 shows all (view key topk). */
  topk: number;
  selectIteration: (iteration: number | null) => void;
  selectSweepPoint: (index: number | null) => void;
  setHideDiagonal: (hide: boolean) => void;
  setDiscreteLogOrder: (on: boolean) => void;
  setMatrixScale: (scale: ViewState['mscale']) => void;
  setTopK: (k: number) => void;
}

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set) => ({
  selectedIteration: null,
  selectedSweepPoint: null,
  hideDiagonal: null,
  discreteLogOrder: false,
  mscale: VIEW_PARAMS.mscale.defaultValue,
  topk: VIEW_PARAMS.topk.defaultValue,
  selectIteration: (iteration) => set({ selectedIteration: iteration }),
  selectSweepPoint: (index) => set({ selectedSweepPoint: index }),
  setHideDiagonal: (hide) => set({ hideDiagonal: hide }),
  setDiscreteLogOrder: (on) => set({ discreteLogOrder: on }),
  setMatrixScale: (scale) => set({ mscale: scale }),
  setTopK: (k) => set({ topk: Math.max(0, Math.round(k)) }),
});
