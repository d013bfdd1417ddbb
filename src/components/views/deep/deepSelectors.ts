/** Selectors of the Deep RFM views (docs/deeprfm.md): its summary, its layers by stack, the layer shown. */
import type { DeepLayerResult, DeepSummary } from '../../../protocol/deepMessages';
import type { AppState } from '../../../store/store';

// Another job's results read as these (module constants, so a selector's value stays the same object).
const NO_LAYERS: DeepLayerResult[] = [];

/** Every finished layer of the Deep RFM run on screen, in the order they came (AGOP stack, then control). */
export const selectDeepLayers = (s: AppState): DeepLayerResult[] =>
  s.results.kind === 'deep-rfm' ? s.results.layers : NO_LAYERS;

/** What the Deep RFM run fits, once the worker has built its points. */
export const selectDeepSummary = (s: AppState): DeepSummary | null =>
  s.results.kind === 'deep-rfm' ? s.results.summary : null;

/** Layers of the stack with the AGOP. */
export const agopLayers = (layers: readonly DeepLayerResult[]) => layers.filter((l) => l.record.stack === 'agop');
/** Layers of the control (M = I). */
export const controlLayers = (layers: readonly DeepLayerResult[]) => layers.filter((l) => l.record.stack === 'control');

/** Number of AGOP layers finished so far (what the layer scrubber can reach). */
export const selectDeepLayerCount = (s: AppState): number => agopLayers(selectDeepLayers(s)).length;

/**
 * Index (0-based) of the layer the scrubbed views show: the scrubbed one, or the latest AGOP layer
 * (-1 when there is none). Shares the view slice's selected iteration with the other scrubbers.
 */
export const selectShownDeepLayer = (s: AppState): number => {
  const last = selectDeepLayerCount(s) - 1;
  return s.selectedIteration === null ? last : Math.min(s.selectedIteration, last);
};
