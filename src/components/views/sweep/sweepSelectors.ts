/** Selectors of the sweep panels: each returns one value derived from the state, never stored twice. */
import type { SweepPoint, SweepSpec } from '../../../protocol/messages';
import { sweepParamOf } from '../../../jobs/job';
import type { AppState } from '../../../store/store';
import { selectSweepPoints } from '../../../store/selectors';

/** The index of the point whose M is shown: the one picked, else the latest finished (-1 before any). */
export const selectShownSweepIndex = (s: AppState): number =>
  s.selectedSweepPoint !== null && s.selectedSweepPoint < selectSweepPoints(s).length
    ? s.selectedSweepPoint
    : selectSweepPoints(s).length - 1;

export const selectShownSweepPoint = (s: AppState): SweepPoint | null =>
  selectSweepPoints(s)[selectShownSweepIndex(s)] ?? null;

/** The swept parameter: the parameters' sweep, else the sweep on screen, else 'd'. */
export const selectSweepParam = (s: AppState): SweepSpec['param'] =>
  sweepParamOf(s.params) ?? (s.results.kind === 'sweep' ? s.results.job.sweep.param : 'd');
