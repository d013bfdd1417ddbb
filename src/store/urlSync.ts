/**
 * The URL holds the parameters and the view state (params/schema.ts and params/view.ts): read once at start
 * through the schemas, then written as they change. Browser history has one entry per experiment: a preset
 * change or the first change after a kept run pushes a new entry, other changes replace the current one
 * (debounced while a slider moves). An entry's history state names the kept run it showed ({ run: id }), so
 * back and forward reopen that run without training; an entry without one is read back from its URL (and
 * trained, as any parameter change). The URL never writes back into the store except through those routes.
 */
import { presetParams } from '../params/presets';
import { paramsFromQuery, queryFromParams, type Params } from '../params/schema';
import { canonicalQuery, viewFromQuery } from '../params/view';
import { queryText, selectShareQuery } from './share';
import { useAppStore, type AppState } from './store';

interface EntryState {
  run?: string;
}

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

function urlOf(state: AppState): string {
  const query = queryText(selectShareQuery(state));
  return `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
}

const sameExperiment = (a: Params, b: Params) =>
  queryFromParams(a, presetParams).toString() === queryFromParams(b, presetParams).toString();

const entryRun = (): string | undefined => (window.history.state as EntryState | null)?.run;

export function startUrlSync(delayMs = 250): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** True while a back/forward is being applied: those changes are not new history. */
  let restoring = false;

  const unsubscribe = useAppStore.subscribe((state, previous) => {
    if (restoring) return;
    if (state.openRunId !== null && state.openRunId !== previous.openRunId) {
      // The user opened a kept run: a new entry for it.
      clearTimeout(timer);
      window.history.pushState({ run: state.openRunId } satisfies EntryState, '', urlOf(state));
      return;
    }
    if (state.runs !== previous.runs) {
      // A run just kept with the parameters this entry shows: the entry now stands for it.
      const added = state.runs.at(-1);
      const isNew = added && !previous.runs.some((r) => r.id === added.id);
      if (isNew && added.outcome !== 'sweep point' && sameExperiment(added.params, state.params)) {
        window.history.replaceState({ run: added.id } satisfies EntryState, '', window.location.href);
      }
    }
    if (!urlStateChanged(state, previous)) return;
    clearTimeout(timer);
    if (state.params.preset !== previous.params.preset) {
      window.history.pushState({}, '', urlOf(state));
      return;
    }
    timer = setTimeout(() => {
      const current = useAppStore.getState();
      const url = urlOf(current);
      if (url === `${window.location.pathname}${window.location.search}${window.location.hash}`) return;
      // A new experiment after a kept run gets its own entry; view changes and slider moves replace.
      const entryParamsKept = entryRun() !== undefined && current.params !== previous.params;
      if (entryParamsKept && current.openRunId === null) window.history.pushState({}, '', url);
      else window.history.replaceState(window.history.state, '', url);
    }, delayMs);
  });

  const onPopState = (event: PopStateEvent) => {
    clearTimeout(timer);
    restoring = true;
    try {
      const runId = (event.state as EntryState | null)?.run;
      const store = useAppStore.getState();
      if (runId && store.runs.some((r) => r.id === runId)) store.openRun(runId);
      else loadStateFromUrl();
    } finally {
      restoring = false;
    }
  };
  window.addEventListener('popstate', onPopState);
  return () => {
    clearTimeout(timer);
    unsubscribe();
    window.removeEventListener('popstate', onPopState);
  };
}
