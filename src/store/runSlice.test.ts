import { beforeEach, describe, expect, it } from 'vitest';
import type { IterationRecord } from '../core';
import { demoRecords } from './runs/demoRecords.testing';
import { selectRecords } from './selectors';
import { useAppStore } from './store';

// Complete records: a finished run is kept (and measured for storage), which reads all of a record.
const record = (iteration: number): IterationRecord => ({ ...demoRecords(1, 1, 1)[0]!, iteration });
const dataset = {
  nTrain: 1,
  nTest: 0,
  d: 1,
  c: 1,
  featureNames: ['x1'],
  classLabels: null,
  layout: { kind: 'vector' as const },
  baselines: [],
};

describe('the run slice', () => {
  beforeEach(() => useAppStore.getState().runReset());

  it('keeps the last good run when the next one fails before its first iteration, and says so', () => {
    const s = () => useAppStore.getState();
    s().runRequested(s().runId + 1, { kind: 'rfm' }, 3);
    s().runStarted(dataset);
    s().iterationCompleted(record(0));
    s().iterationCompleted(record(1));
    s().runFinished();
    s().runRequested(s().runId + 1, { kind: 'rfm' }, 3);
    expect(selectRecords(s())).toEqual([]);
    s().runFailed('t.csv, row 3: "cat" is not a number.');
    expect(s().status).toBe('failed');
    expect(selectRecords(s()).map((r) => r.iteration)).toEqual([0, 1]);
    expect(s().showingLastGood).toBe(true);
    expect(s().dataset).toBe(dataset);
  });

  it('keeps the failed run’s own iterations when it had some, and marks retryable failures', () => {
    const s = () => useAppStore.getState();
    s().runRequested(s().runId + 1, { kind: 'rfm' }, 3);
    s().iterationCompleted(record(0));
    s().runFailed('the training worker stopped without a word', true);
    expect(selectRecords(s()).map((r) => r.iteration)).toEqual([0]);
    expect([s().showingLastGood, s().retryable]).toEqual([false, true]);
  });

  it('clears the notice when the run starts', () => {
    const s = () => useAppStore.getState();
    s().runRequested(s().runId + 1, { kind: 'rfm' }, 3);
    s().setNotice('Waiting for the previous run to stop');
    s().runStarted(dataset);
    expect(s().notice).toBeNull();
  });
});

describe('pausing', () => {
  beforeEach(() => useAppStore.getState().runReset());

  it('shows the pause as asked until the worker reports that it has paused', () => {
    const s = () => useAppStore.getState();
    s().runRequested(s().runId + 1, { kind: 'rfm' }, 6);
    s().pauseRequested();
    expect(s().pausing).toBe(true);
    expect(s().status).toBe('starting');
    s().runPaused();
    expect(s().pausing).toBe(false);
    expect(s().status).toBe('paused');
  });

  it('ignores a pause request when nothing runs, and forgets it when the run ends', () => {
    const s = () => useAppStore.getState();
    s().pauseRequested();
    expect(s().pausing).toBe(false);
    s().runRequested(s().runId + 1, { kind: 'rfm' }, 6);
    s().pauseRequested();
    s().runFinished();
    expect(s().pausing).toBe(false);
  });
});
