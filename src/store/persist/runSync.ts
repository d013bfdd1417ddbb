/**
 * Keeps the kept runs of several tabs in step, and keeps a run that a reload or a tab close interrupts.
 *
 * Tabs: every tab follows the same IndexedDB store, but each holds its own list in memory; without a word
 * between them, "clear runs" in one tab left the other's list whole, and the other tab then wrote a deleted
 * run back when it pinned it. After each write a tab says on a BroadcastChannel which runs it wrote and
 * which it deleted; the others drop the deleted ones and read the written ones back from storage. Changes
 * applied from another tab are not written again (remoteChange), so nothing echoes between tabs.
 *
 * Interrupted runs: switching presets keeps the unfinished run (as "stopped"); a reload or a tab close did
 * not. While a run goes on its snapshot is written under a key of this tab (at most once a second); the
 * next start restores the snapshots of tabs no longer open as stopped runs.
 */
import { del, getMany, set as put, type UseStore } from 'idb-keyval';
import { keepCurrentRun } from '../runsSlice';
import { restoreRun, storeRun, storedBytes, type StoredRun } from '../runs/serialise';
import { useAppStore, type AppState } from '../store';

const CHANNEL = 'rfm-explorer-runs';
export const RUN_PREFIX = 'run:';
const INTERRUPTED_PREFIX = 'interrupted-run:';

export interface RunsChanged {
  type: 'runsChanged';
  written: string[];
  deleted: string[];
}

let applyingRemote = false;

/** Whether the store change being observed came from another tab (and so must not be written again). */
export function remoteChange(): boolean {
  return applyingRemote;
}

function applyRemote(change: (s: AppState) => Partial<AppState>): void {
  applyingRemote = true;
  try {
    useAppStore.setState(change);
  } finally {
    applyingRemote = false;
  }
}

/** Drops the runs another tab deleted, and takes the runs it wrote as stored (theirs is the newer change). */
export async function applyRunsChanged(message: RunsChanged, db: UseStore): Promise<void> {
  const stored =
    message.written.length > 0
      ? await getMany<StoredRun | undefined>(
          message.written.map((id) => RUN_PREFIX + id),
          db,
        )
      : [];
  const written = stored.flatMap((s) => (s ? [restoreRun(s)] : []));
  const deleted = new Set(message.deleted);
  applyRemote((s) => {
    const byId = new Map(written.map((r) => [r.id, r]));
    const have = new Set(s.runs.map((r) => r.id));
    const runs = [
      ...s.runs.filter((r) => !deleted.has(r.id)).map((r) => byId.get(r.id) ?? r),
      ...written.filter((r) => !have.has(r.id) && !deleted.has(r.id)),
    ].sort((a, b) => a.createdAt - b.createdAt);
    const ids = new Set(runs.map((r) => r.id));
    const runBytes = Object.fromEntries(Object.entries(s.runBytes).filter(([id]) => ids.has(id)));
    for (const run of written) if (ids.has(run.id)) runBytes[run.id] = storedBytes(storeRun(run));
    return {
      runs,
      runBytes,
      compareIds: s.compareIds.filter((id) => ids.has(id)),
      openRunId: s.openRunId !== null && !ids.has(s.openRunId) ? null : s.openRunId,
    };
  });
}

/** Opens the channel between tabs (none where BroadcastChannel is missing); returns `announce` and `close`. */
export function startRunSync(db: UseStore): {
  announce: (written: string[], deleted: string[]) => void;
  close: () => void;
} {
  if (typeof BroadcastChannel === 'undefined') return { announce: () => {}, close: () => {} };
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const data = event.data as Partial<RunsChanged> | null;
    if (data?.type !== 'runsChanged' || !Array.isArray(data.written) || !Array.isArray(data.deleted)) return;
    const strings = (a: unknown[]) => a.filter((x): x is string => typeof x === 'string');
    void applyRunsChanged(
      { type: 'runsChanged', written: strings(data.written), deleted: strings(data.deleted) },
      db,
    ).catch(() => {});
  };
  return {
    announce: (written, deleted) => {
      if (written.length > 0 || deleted.length > 0)
        channel.postMessage({ type: 'runsChanged', written, deleted } satisfies RunsChanged);
    },
    close: () => channel.close(),
  };
}

/** The current run as a kept, stopped run, if it has begun and not finished (finished runs are kept already). */
function unfinishedRun(s: AppState) {
  if (s.status !== 'running' && s.status !== 'paused' && s.status !== 'starting') return null;
  const patch = keepCurrentRun(s, 'stopped');
  const have = new Set(s.runs.map((r) => r.id));
  return patch.runs?.find((r) => !have.has(r.id)) ?? null;
}

/** At most one snapshot write per this many ms while a run goes on (each writes all its records). */
const SNAPSHOT_EVERY_MS = 1000;
const TAB_ID = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
const tabLock = (id: string) => `rfm-explorer-tab-${id}`;
const locks = () => (globalThis.navigator as (Navigator & { locks?: LockManager }) | undefined)?.locks;

/**
 * Keeps a snapshot of this tab's unfinished run in storage while it runs (a write started on pagehide does
 * not outlive a reload), and deletes it once the run is kept or ends. The tab holds a Web Lock while it
 * lives, so that another tab starting up leaves a live tab's snapshot alone.
 */
export function keepInterruptedRuns(db: UseStore): () => void {
  const key = INTERRUPTED_PREFIX + TAB_ID;
  void locks()?.request(tabLock(TAB_ID), () => new Promise<never>(() => {}));
  let written = false;
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = () => {
    clearTimeout(timer);
    timer = undefined;
    const run = unfinishedRun(useAppStore.getState());
    if (run) {
      // Only a snapshot written starts the throttle: a status change with nothing to keep yet (starting,
      // running) used to, and held the first iterations back for a second, long enough for a reload.
      last = Date.now();
      written = true;
      void put(key, storeRun(run), db).catch(() => {});
    } else if (written) {
      written = false;
      void del(key, db).catch(() => {});
    }
  };
  const stop = useAppStore.subscribe((s, previous) => {
    // A status change writes at once: a run that ended or was kept forgets its snapshot, and a paused run
    // (a step, a pause: where a user may reload) holds every iteration so far.
    if (s.status !== previous.status) write();
    else if (s.results !== previous.results && timer === undefined)
      timer = setTimeout(write, Math.max(0, last + SNAPSHOT_EVERY_MS - Date.now()));
  });
  return () => {
    clearTimeout(timer);
    stop();
  };
}

/** Runs that a reload or a close cut off in tabs no longer open, as stopped runs (their keys are deleted). */
export async function takeInterruptedRuns(db: UseStore, allKeys: string[]) {
  const held = new Set(((await locks()?.query())?.held ?? []).map((l) => l.name));
  const mine = allKeys.filter(
    (k) => k.startsWith(INTERRUPTED_PREFIX) && !held.has(tabLock(k.slice(INTERRUPTED_PREFIX.length))),
  );
  const stored = mine.length > 0 ? await getMany<StoredRun | undefined>(mine, db) : [];
  for (const k of mine) await del(k, db);
  return stored.flatMap((s) => (s ? [restoreRun(s)] : []));
}
