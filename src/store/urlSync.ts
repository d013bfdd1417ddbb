/**
 * The URL holds the parameters and the view state (params/schema.ts and params/view.ts): read once at start
 * through the schemas, written with a debounced history.replaceState. It never writes back into the store.
 */
import { presetParams } from '../params/presets';
import { paramsFromQuery } from '../params/schema';
import { canonicalQuery, viewFromQuery } from '../params/view';
import { queryText, selectShareQuery } from './share';
import { useAppStore, type AppState } from './store';

/** Reads parameters and view state from a query string (the page's, or an element's attributes). */
export function loadStateFromQuery(raw: URLSearchParams): void {
  const query = canonicalQuery(raw);
  const { params, problems } = paramsFromQuery(query, presetParams);
  const { view, problems: viewProblems } = viewFromQuery(query);
  const state = useAppStore.getState();
  state.replaceParams(params, problems);
  state.replaceView(view, viewProblems);
}

export function loadStateFromUrl(): void {
  loadStateFromQuery(new URLSearchParams(window.location.search));
}

/** Whether a change touches what the URL holds. */
const urlStateChanged = (a: AppState, b: AppState) =>
  a.params !== b.params ||
  a.view !== b.view ||
  a.selectedIteration !== b.selectedIteration ||
  a.hideDiagonal !== b.hideDiagonal;

export function startUrlSync(delayMs = 250): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const unsubscribe = useAppStore.subscribe((state, previous) => {
    if (!urlStateChanged(state, previous)) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const query = queryText(selectShareQuery(useAppStore.getState()));
      const url = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
      window.history.replaceState(null, '', url);
    }, delayMs);
  });
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}
