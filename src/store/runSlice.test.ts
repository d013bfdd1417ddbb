import { beforeEach, describe, expect, it } from 'vitest';
import { useAppStore } from './store';

describe('pausing', () => {
  beforeEach(() => useAppStore.getState().runReset());

  it('shows the pause as asked until the worker reports that it has paused', () => {
    const s = () => useAppStore.getState();
    s().runRequested(s().runId + 1, 6, 'run');
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
    s().runRequested(s().runId + 1, 6, 'run');
    s().pauseRequested();
    s().runFinished();
    expect(s().pausing).toBe(false);
  });
});
