/** Selectors of the sweep panels: each returns one value derived from the state, never stored twice. */
import type { SweepPoint, SweepSpec } from '../../../protocol/messages';
import type { AppState } from '../../../store/store';

/** The index of the point whose M is shown: the one picked, else the latest finished (-1 before any). */
export const selectShownSweepIndex = (s: AppState): number =>
  s.selectedSweepPoint !== null && s.selectedSweepPoint < s.sweepPoints.length
    ? s.selectedSweepPoint
    : s.sweepPoints.length - 1;

export const selectShownSweepPoint = (s: AppState): SweepPoint | null =>
  s.sweepPoints[selectShownSweepIndex(s)] ?? null;

/** The swept parameter; 'd' while the parameters say 'none' but a finished sweep is still on screen. */
export const selectSweepParam = (s: AppState): SweepSpec['param'] => (s.params.sweep === 'none' ? 'd' : s.params.sweep);
