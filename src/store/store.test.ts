/**
 * The store's slices and selectors as the app uses them: presets and the run's progress. Each test starts
 * from a fresh store state (the headline's tests are beside it, components/panels/headline.test.ts).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { IterationRecord } from '../core';
import type { Job } from '../jobs/job';
import { presetParams } from '../params/presets';
import { selectRunPosition } from './selectors';
import { useAppStore } from './store';
import { recordForTests } from '../core/testing/recordForTests';

const initial = useAppStore.getInitialState();
const SWEEP_JOB: Job = { kind: 'sweep', sweep: { param: 'd', values: [5, 10, 15, 20] } };

function record(iteration: number, testMse: number, extra: Partial<IterationRecord> = {}): IterationRecord {
  return recordForTests({ iteration, testMse, ...extra });
}

beforeEach(() => useAppStore.setState(initial, true));

describe('the params slice', () => {
  it('applies a preset without resetting the chosen backend', () => {
    const { setParam, applyPreset } = useAppStore.getState();
    setParam('backend', 'cpu');
    setParam('iters', 9);
    applyPreset('iris');
    expect(useAppStore.getState().params).toEqual({ ...presetParams('iris'), backend: 'cpu' });
    applyPreset('iris'); // the active one again
    expect(useAppStore.getState().params.backend).toBe('cpu');
  });

  it('ignores a setParam that changes nothing', () => {
    const before = useAppStore.getState().params;
    useAppStore.getState().setParam('iters', before.iters);
    expect(useAppStore.getState().params).toBe(before);
  });
});

describe('the run position', () => {
  it('reads "iteration t/T" for a run of T updates, never "T+1/T+1"', () => {
    const { runRequested, iterationCompleted } = useAppStore.getState();
    runRequested(1, { kind: 'rfm' }, 6); // T = 5: six solves
    expect(selectRunPosition(useAppStore.getState())).toBe('iteration 0/5');
    for (let t = 0; t <= 5; t++) iterationCompleted(record(t, 1));
    expect(selectRunPosition(useAppStore.getState())).toBe('iteration 5/5');
  });

  it('counts points for a sweep', () => {
    useAppStore.getState().runRequested(2, SWEEP_JOB, 4);
    expect(selectRunPosition(useAppStore.getState())).toBe('point 0/4');
  });
});
