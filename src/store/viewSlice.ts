/**
 * How the results are looked at: which iteration the scrubber shows, whether M's diagonal is hidden, and
 * the page's layout settings from the view schema (params/view.ts: embed, panels, controls, ...). The
 * scrubbed iteration (`it`) and hide-diagonal (`hidediag`) live in their own fields, never twice.
 */
import type { StateCreator } from 'zustand';
import { defaultView, type ViewState } from '../params/view';
import type { AppState } from './store';

/** The view schema's settings other than the scrubbed iteration and hide-diagonal. */
export type LayoutView = Omit<ViewState, 'it' | 'hidediag'>;

export function defaultLayoutView(): LayoutView {
  const { it: _it, hidediag: _hidediag, ...layout } = defaultView();
  return layout;
}

export interface ViewSlice {
  /** null follows the latest iteration. */
  selectedIteration: number | null;
  /** The sweep point whose M is shown (null: none picked). */
  selectedSweepPoint: number | null;
  /** null: the default for the data (hidden for modular arithmetic, where the diagonal dominates). */
  hideDiagonal: boolean | null;
  /** Modular arithmetic: order residues by a discrete logarithm (for * and /). */
  discreteLogOrder: boolean;
  view: LayoutView;
  /** A scrubbed iteration from a link, applied when the first run starts (a new run resets the scrubber). */
  restoredIteration: number | null;
  /** Problems found while reading the view state from the URL (or attributes), shown once. */
  viewProblems: string[];
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
  /** The view state read from a link: layout settings, the scrubbed iteration and hide-diagonal. */
  replaceView: (view: ViewState, problems?: string[]) => void;
  setPanels: (panels: LayoutView['panels']) => void;
  /** Colour scale of M's heatmaps (view key mscale). */
  setMatrixScale: (scale: ViewState['mscale']) => void;
  /** Show only the block of the k coordinates with the largest diagonal entries; 0 shows all (view key topk). */
  setTopK: (k: number) => void;
  /** The theme and classroom toggles. */
  setView: (patch: Partial<LayoutView>) => void;
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
  view: defaultLayoutView(),
  restoredIteration: null,
  viewProblems: [],
  walkthrough: null,
  panelPage: 0,
  panelPageCount: 1,
  systemDark: false,
  selectIteration: (iteration) => set({ selectedIteration: iteration }),
  selectSweepPoint: (index) => set({ selectedSweepPoint: index }),
  setHideDiagonal: (hide) => set({ hideDiagonal: hide }),
  setDiscreteLogOrder: (on) => set({ discreteLogOrder: on }),
  replaceView: ({ it, hidediag, ...layout }, problems = []) =>
    set({
      view: layout,
      restoredIteration: it < 0 ? null : it,
      selectedIteration: it < 0 ? null : it,
      hideDiagonal: hidediag === 'auto' ? null : hidediag === 'on',
      viewProblems: problems,
    }),
  setPanels: (panels) => set((s) => ({ view: { ...s.view, panels } })),
  setMatrixScale: (mscale) => set((s) => ({ view: { ...s.view, mscale } })),
  setTopK: (k) => set((s) => ({ view: { ...s.view, topk: Math.max(0, Math.round(k)) } })),
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
