import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UseStore } from 'idb-keyval';
import { demoRecords } from '../runs/demoRecords.testing';
import { useAppStore } from '../store';
import { keepInterruptedRuns } from './runSync';

/** What the snapshot writer put in storage, in order: [key, number of records] or [key, 'deleted']. */
const writes: [string, number | 'deleted'][] = [];
vi.mock('idb-keyval', () => ({
  set: (key: string, value: { records: unknown[] }) => {
    writes.push([key, value.records.length]);
    return Promise.resolve();
  },
  del: (key: string) => {
    writes.push([key, 'deleted']);
    return Promise.resolve();
  },
  getMany: () => Promise.resolve([]),
}));

const initial = useAppStore.getInitialState();
const db = (() => Promise.resolve()) as unknown as UseStore;
const dataset = {
  nTrain: 300,
  nTest: 100,
  d: 10,
  c: 1,
  featureNames: [],
  classLabels: null,
  layout: { kind: 'vector' as const },
  baselines: [],
};
const records = demoRecords(1);
const step = (k: number) => {
  useAppStore.getState().runResumed();
  useAppStore.getState().iterationCompleted(records[k]!);
  useAppStore.getState().runPaused();
};

describe('the snapshot of a run a reload may cut off', () => {
  let stop = () => {};
  beforeEach(() => {
    useAppStore.setState(initial, true);
    writes.length = 0;
    vi.useFakeTimers();
    stop = keepInterruptedRuns(db);
  });
  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  it('holds every iteration stepped so far as soon as the run pauses, without waiting for the throttle', () => {
    const s = useAppStore.getState();
    s.runRequested(1, { kind: 'rfm' }, 6);
    s.runStarted(dataset);
    step(0);
    expect(writes.at(-1)?.[1]).toBe(1);
    step(1);
    // A reload now (well within a second of the first iteration) must find both iterations.
    expect(writes.at(-1)?.[1]).toBe(2);
  });

  it('writes at most once a second while a run plays, and forgets the snapshot when the run finishes', () => {
    const s = useAppStore.getState();
    s.runRequested(1, { kind: 'rfm' }, 6);
    s.runStarted(dataset);
    for (const record of records.slice(0, 4)) useAppStore.getState().iterationCompleted(record);
    vi.runOnlyPendingTimers();
    const snapshots = writes.filter(([, n]) => typeof n === 'number');
    expect(snapshots.length).toBeLessThanOrEqual(2);
    expect(snapshots.at(-1)?.[1]).toBe(4);
    useAppStore.getState().iterationCompleted(records[4]!);
    useAppStore.getState().runFinished();
    expect(writes.at(-1)?.[1]).toBe('deleted');
  });
});
