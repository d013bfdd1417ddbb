/**
 * The URL reflects the parameters only: read once at start through the schema, written with a debounced
 * history.replaceState. It never writes back into run or view state.
 */
import { presetParams } from '../params/presets';
import { paramsFromQuery, queryFromParams } from '../params/schema';
import { useAppStore } from './store';

export function loadParamsFromUrl(): void {
  const { params, problems } = paramsFromQuery(new URLSearchParams(window.location.search), presetParams);
  useAppStore.getState().replaceParams(params, problems);
}

export function startUrlSync(delayMs = 250): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const unsubscribe = useAppStore.subscribe((state, previous) => {
    if (state.params === previous.params) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const query = queryFromParams(useAppStore.getState().params, presetParams).toString();
      const url = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
      window.history.replaceState(null, '', url);
    }, delayMs);
  });
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}
