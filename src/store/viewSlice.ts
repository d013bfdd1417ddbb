/**
 * How the results are looked at: which iteration the scrubber shows, whether M's diagonal is hidden, and
 * the view settings of src/params/view.ts (theme, classroom mode, hidden control groups, ...).
 */
import type { StateCreator } from 'zustand';
import { defaultView, type ViewState } from '../params/view';
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
  /** View settings from the URL and the toggles (theme, classroom, hide, ...). */
  view: ViewState;
  /** The guided walk-through's step (null: off) and its number of steps. */
  walkthrough: { step: number; length: number } | null;
  /** Classroom mode's page of panels (two at a time) and how many pages there are. */
  panelPage: number;
  panelPageCount: number;
  /** The system asks for dark colours (prefers-color-scheme), for theme = auto. */
  systemDark: boolean;
  selectIteration: (iteration: number | null) => void;
  selectSweepPoint: (index: number | null) => void;
  setHideDiagonal: (hide: boolean) => void;
  setDiscreteLogOrder: (on: boolean) => void;
  setView: (patch: Partial<ViewState>) => void;
  setSystemDark: (dark: boolean) => void;
  startWalkthrough: (length: number) => void;
  stopWalkthrough: () => void;
  /** Moves the walk-through by delta steps, within its steps; nothing when it is off. */
  stepWalkthrough: (delta: number) => void;
  setPanelPageCount: (count: number) => void;
  /** Moves classroom mode's panels by delta pages, wrapping around. */
  turnPanelPage: (delta: number) => void;
  showPanelPage: (page: number) => void;
}

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set) => ({
  selectedIteration: null,
  selectedSweepPoint: null,
  hideDiagonal: null,
  discreteLogOrder: false,
  view: defaultView(),
  walkthrough: null,
  panelPage: 0,
  panelPageCount: 1,
  systemDark: false,
  selectIteration: (iteration) => set({ selectedIteration: iteration }),
  selectSweepPoint: (index) => set({ selectedSweepPoint: index }),
  setHideDiagonal: (hide) => set({ hideDiagonal: hide }),
  setDiscreteLogOrder: (on) => set({ discreteLogOrder: on }),
  setView: (patch) => set((s) => ({ view: { ...s.view, ...patch } })),
  setSystemDark: (dark) => set({ systemDark: dark }),
  startWalkthrough: (length) => set({ walkthrough: length > 0 ? { step: 0, length } : null }),
  stopWalkthrough: () => set({ walkthrough: null }),
  stepWalkthrough: (delta) =>
    set((s) =>
      s.walkthrough
        ? {
            walkthrough: {
              ...s.walkthrough,
              step: Math.min(s.walkthrough.length - 1, Math.max(0, s.walkthrough.step + delta)),
            },
          }
        : s,
    ),
  setPanelPageCount: (count) =>
    set((s) => ({ panelPageCount: count, panelPage: Math.min(s.panelPage, Math.max(0, count - 1)) })),
  showPanelPage: (page) => set((s) => ({ panelPage: Math.min(Math.max(0, page), s.panelPageCount - 1) })),
  turnPanelPage: (delta) =>
    set((s) => ({ panelPage: (((s.panelPage + delta) % s.panelPageCount) + s.panelPageCount) % s.panelPageCount })),
});
