/**
 * Kept runs and the user's data (uploaded CSV, own corpus) survive a reload and a browser restart, in
 * IndexedDB through idb-keyval (one database, one key per run, one for the data). The store stays the
 * source of truth: this module follows it (writes what changed) and restores it once at start-up.
 * A failed write sets storageError and leaves memory untouched, so nothing is lost until the tab closes.
 *
 *   const stop = await startRunPersistence();   // restore, then follow the store
 */
import { createStore, del, get, keys, set as put, setMany, type UseStore } from 'idb-keyval';
import type { DataAssets } from '../../data/sources/source';
import { CheckError } from '../runs/check';
import { storedRuns } from '../runs/runSchema';
import { restoreRun, storeRun } from '../runs/serialise';
import type { KeptRun } from '../runs/keptRun';
import { useAppStore, type AppState } from '../store';

const RUN_PREFIX = 'run:';
const ASSETS_KEY = 'assets';

export function openRunDatabase(): UseStore {
  return createStore('rfm-explorer', 'kept');
}

/** Reads kept runs and the user's data back into the store; returns the keys that were stored. */
export async function restoreFromStorage(db: UseStore): Promise<Set<string>> {
  const store = useAppStore.getState();
  const all = (await keys(db)).map(String);
  const runs: KeptRun[] = [];
  const unreadable: string[] = [];
  for (const key of all.filter((k) => k.startsWith(RUN_PREFIX))) {
    const stored = await get<unknown>(key, db);
    if (!stored) continue;
    // What storage holds is checked like a file (an older version may have kept an unchecked import).
    try {
      runs.push(...storedRuns([stored]).map(restoreRun));
    } catch (error) {
      if (!(error instanceof CheckError)) throw error;
      unreadable.push(error.message);
    }
  }
  if (runs.length > 0) store.runsAdded(runs);
  if (unreadable.length > 0)
    store.setStorageError(
      `${unreadable.length} saved ${unreadable.length === 1 ? 'run was' : 'runs were'} left out because ${unreadable.length === 1 ? 'it does' : 'they do'} not pass the runs schema (${unreadable[0]}).`,
    );
  const assets = await get<DataAssets>(ASSETS_KEY, db);
  if (assets?.csv && !useAppStore.getState().assets.csv) store.setCsv(assets.csv);
  if (assets?.text !== undefined && useAppStore.getState().assets.text === undefined) store.setCustomText(assets.text);
  return new Set(all);
}

/** Writes every change of the kept runs (added, renamed, pinned, deleted) and of the user's data. */
export function followStore(db: UseStore): () => void {
  let queue = Promise.resolve();
  const enqueue = (write: () => Promise<void>) => {
    queue = queue.then(write).then(
      () => {
        if (useAppStore.getState().storageError) useAppStore.getState().setStorageError(null);
      },
      (error: unknown) =>
        useAppStore
          .getState()
          .setStorageError(
            `Could not save to this browser’s storage (${error instanceof Error ? error.message : String(error)}). Your runs are still here until you close the tab; export them to keep a copy.`,
          ),
    );
  };
  return useAppStore.subscribe((state: AppState, previous: AppState) => {
    if (state.runs !== previous.runs) {
      const before = new Map(previous.runs.map((r) => [r.id, r]));
      const changed = state.runs.filter((r) => before.get(r.id) !== r);
      const gone = previous.runs.filter((r) => !state.runs.some((s) => s.id === r.id)).map((r) => r.id);
      enqueue(async () => {
        if (changed.length > 0)
          await setMany(
            changed.map((r) => [RUN_PREFIX + r.id, storeRun(r)]),
            db,
          );
        for (const id of gone) await del(RUN_PREFIX + id, db);
      });
    }
    if (state.assets !== previous.assets) {
      const { csv, text } = state.assets;
      enqueue(() => put(ASSETS_KEY, { ...(csv ? { csv } : {}), ...(text !== undefined ? { text } : {}) }, db));
    }
  });
}

/** Restores, then follows the store; a browser without IndexedDB keeps everything in memory and says so. */
export async function startRunPersistence(): Promise<() => void> {
  if (typeof indexedDB === 'undefined') {
    useAppStore.getState().setStorageError('This browser has no storage for runs: they last until the tab closes.');
    return () => {};
  }
  const db = openRunDatabase();
  let stored = new Set<string>();
  try {
    stored = await restoreFromStorage(db);
  } catch (error) {
    useAppStore
      .getState()
      .setStorageError(`Could not read saved runs (${error instanceof Error ? error.message : String(error)}).`);
  }
  const stop = followStore(db);
  // Runs kept while the old ones were being read have not been written yet.
  const unsaved = useAppStore.getState().runs.filter((r) => !stored.has(RUN_PREFIX + r.id));
  if (unsaved.length > 0) {
    await setMany(
      unsaved.map((r) => [RUN_PREFIX + r.id, storeRun(r)]),
      db,
    ).catch((error: unknown) => useAppStore.getState().setStorageError(`Could not save runs (${String(error)}).`));
  }
  return stop;
}
