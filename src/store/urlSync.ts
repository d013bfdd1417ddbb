/**
 * The URL reflects the parameters and the view settings (params/view.ts): read once at start through the
 * schemas, written with a debounced history.replaceState. It never writes back into run state.
 */
import { presetParams } from '../params/presets';
import { paramsFromQuery, queryFromParams } from '../params/schema';
import { appendViewToQuery, viewFromQuery } from '../params/view';
import { useAppStore } from './store';

export function loadParamsFromUrl(): void {
  const query = new URLSearchParams(window.location.search);
  const { params, problems } = paramsFromQuery(query, presetParams);
  const { view, problems: viewProblems } = viewFromQuery(query);
  useAppStore.getState().setView(view);
  useAppStore.getState().replaceParams(params, [...problems, ...viewProblems]);
}

export function startUrlSync(delayMs = 250): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const unsubscribe = useAppStore.subscribe((state, previous) => {
    if (state.params === previous.params && state.view === previous.view) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const { params, view } = useAppStore.getState();
      const query = appendViewToQuery(view, queryFromParams(params, presetParams)).toString();
      const url = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
      window.history.replaceState(null, '', url);
    }, delayMs);
  });
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}
