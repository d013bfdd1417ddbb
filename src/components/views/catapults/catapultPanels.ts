/**
 * The catapults sweep's panels (docs/catapults.md): which component kind stands behind each panel name, and
 * what each shows (the README's table and the share dialog), spread into panels/panelKinds.ts's tables.
 */
import type { PanelName } from '../../../params/view';

export type CatapultPanelKind = 'catapultLoss' | 'catapultNtk' | 'catapultAlignment' | 'catapultSweep';

export const CATAPULT_KINDS: Partial<Record<PanelName, CatapultPanelKind>> = {
  loss: 'catapultLoss',
  ntk: 'catapultNtk',
  alignment: 'catapultAlignment',
  batches: 'catapultSweep',
};

/** Drawn across the row: the loss of every run with its spikes, and the sweep's three measures side by side. */
export const CATAPULT_WIDE: readonly CatapultPanelKind[] = ['catapultLoss', 'catapultSweep'];

export const CATAPULT_PANEL_DESCRIPTIONS = {
  loss: 'the training loss per SGD step, log scale, one line per batch size, each spike marked and listed (model=catapults)',
  ntk: 'the top eigenvalue of the network’s tangent kernel per step, with the 2 / lr edge of each step size (model=catapults)',
  alignment: 'cos(AGOP of the network, AGOP of the true function) per step, one line per batch size (model=catapults)',
  batches: 'spikes, final alignment and test MSE against batch size, beside the small-step control (model=catapults)',
} satisfies Partial<Record<PanelName, string>>;

/** The catapults panels in the full app's order (panelKinds.ts FULL_PANELS). */
export const CATAPULT_FULL_PANELS: PanelName[] = ['loss', 'ntk', 'alignment', 'batches'];

/** Everything panelKinds.ts spreads into its tables. */
export const CATAPULT_PANELS = {
  kinds: CATAPULT_KINDS,
  descriptions: CATAPULT_PANEL_DESCRIPTIONS,
  wide: CATAPULT_WIDE,
  full: CATAPULT_FULL_PANELS,
};
