/**
 * Kept runs and the user's data (uploaded CSV, own corpus) survive a reload and a browser restart, in
 * IndexedDB through idb-keyval (one database, one key per run, one for the data). The store stays the
 * source of truth: this module follows it (writes what changed) and restores it once at start-up.
 * A failed write sets storageError and leaves memory untouched, so nothing is lost until the tab closes;
 * the next good write clears only that write error, never a failure to read (which stays until dismissed).
 * Storage that never answers is reported after OPEN_TIMEOUT_MS. Tabs are kept in step and a run cut off
 * by a reload or a close is kept (runSync.ts).
 *
 *   const stop = await startRunPersistence();   // restore, then follow the store
 */
import { createStore, del, get, keys, set as put, setMany, type UseStore } from 'idb-keyval';
import { keepInterruptedRuns, remoteChange, RUN_PREFIX, startRunSync, takeInterruptedRuns } from './runSync';
import type { DataAssets } from '../../data/sources/source';
import { CheckError } from '../runs/check';
import { storedRuns } from '../runs/runSchema';
import { restoreRun, storeRun } from '../runs/serialise';
import type { KeptRun } from '../runs/keptRun';
import { useAppStore, type AppState } from '../store';

const ASSETS_KEY = 'assets';
/** How long the browser's storage may take to open and give back the saved runs before the page says so. */
export const OPEN_TIMEOUT_MS = 10_000;

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
  runs.push(...(await takeInterruptedRuns(db, all)));
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
export function followStore(db: UseStore, announce: (written: string[], deleted: string[]) => void = () => {}) {
  let queue = Promise.resolve();
  /** The message of the last failed write, cleared by the next good write (other messages are not ours to clear). */
  let writeError: string | null = null;
  const enqueue = (write: () => Promise<void>) => {
    queue = queue.then(write).then(
      () => {
        if (writeError !== null && useAppStore.getState().storageError === writeError)
          useAppStore.getState().setStorageError(null);
        writeError = null;
      },
      (error: unknown) => {
        writeError = `Could not save to this browser’s storage (${error instanceof Error ? error.message : String(error)}). Your runs are still here until you close the tab; export them to keep a copy.`;
        // A failure to read saved runs says more than a later write problem: it stays until dismissed.
        if (
          useAppStore.getState().storageError === null ||
          useAppStore.getState().storageError?.startsWith('Could not save')
        )
          useAppStore.getState().setStorageError(writeError);
      },
    );
  };
  return useAppStore.subscribe((state: AppState, previous: AppState) => {
    if (state.runs !== previous.runs && !remoteChange()) {
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
        announce(
          changed.map((r) => r.id),
          gone,
        );
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
  let timer: ReturnType<typeof setTimeout> | undefined;
  const silent = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Error(
            `this browser’s storage did not answer within ${OPEN_TIMEOUT_MS / 1000} s; runs last until the tab closes`,
          ),
        ),
      OPEN_TIMEOUT_MS,
    );
  });
  try {
    stored = await Promise.race([restoreFromStorage(db), silent]);
  } catch (error) {
    useAppStore
      .getState()
      .setStorageError(`Could not read saved runs (${error instanceof Error ? error.message : String(error)}).`);
  } finally {
    clearTimeout(timer);
  }
  const sync = startRunSync(db);
  const stopInterrupted = keepInterruptedRuns(db);
  const stopFollowing = followStore(db, sync.announce);
  const stop = () => {
    stopFollowing();
    stopInterrupted();
    sync.close();
  };
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
