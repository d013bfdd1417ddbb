/**
 * The URL reflects the parameters only: read once at start through the schema, then written as they
 * change. Browser history has one entry per experiment: a preset change or the first change after a kept
 * run pushes a new entry, other changes replace the current one (debounced while a slider moves). An
 * entry's history state names the kept run it showed ({ run: id }), so back and forward reopen that run
 * without training; an entry without one is read back from its URL (and trained, as any parameter change).
 * The URL never writes back into run or view state except through those two routes.
 */
import { presetParams } from '../params/presets';
import { paramsFromQuery, queryFromParams, type Params } from '../params/schema';
import { useAppStore } from './store';

interface EntryState {
  run?: string;
}

export function loadParamsFromUrl(): void {
  const { params, problems } = paramsFromQuery(new URLSearchParams(window.location.search), presetParams);
  useAppStore.getState().replaceParams(params, problems);
}

function urlOf(params: Params): string {
  const query = queryFromParams(params, presetParams).toString();
  return `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
}

const entryRun = (): string | undefined => (window.history.state as EntryState | null)?.run;

export function startUrlSync(delayMs = 250): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** True while a back/forward is being applied: those changes are not new history. */
  let restoring = false;

  const writeParams = (params: Params, push: boolean) => {
    const url = urlOf(params);
    if (push) window.history.pushState({}, '', url);
    else window.history.replaceState(window.history.state, '', url);
  };

  const unsubscribe = useAppStore.subscribe((state, previous) => {
    if (restoring) return;
    if (state.openRunId !== null && state.openRunId !== previous.openRunId) {
      // The user opened a kept run: a new entry for it.
      clearTimeout(timer);
      window.history.pushState({ run: state.openRunId } satisfies EntryState, '', urlOf(state.params));
      return;
    }
    if (state.runs !== previous.runs) {
      // A run just kept with the parameters this entry shows: the entry now stands for it.
      const added = state.runs.at(-1);
      const isNew = added && !previous.runs.some((r) => r.id === added.id);
      if (isNew && added.outcome !== 'sweep point' && urlOf(added.params) === urlOf(state.params)) {
        window.history.replaceState({ run: added.id } satisfies EntryState, '', window.location.href);
      }
    }
    if (state.params === previous.params) return;
    clearTimeout(timer);
    if (state.params.preset !== previous.params.preset) {
      writeParams(state.params, true);
      return;
    }
    timer = setTimeout(() => {
      const params = useAppStore.getState().params;
      if (urlOf(params) === `${window.location.pathname}${window.location.search}${window.location.hash}`) return;
      writeParams(params, entryRun() !== undefined);
    }, delayMs);
  });

  const onPopState = (event: PopStateEvent) => {
    clearTimeout(timer);
    restoring = true;
    try {
      const runId = (event.state as EntryState | null)?.run;
      const store = useAppStore.getState();
      if (runId && store.runs.some((r) => r.id === runId)) store.openRun(runId);
      else loadParamsFromUrl();
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
