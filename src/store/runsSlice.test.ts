import { beforeEach, describe, expect, it } from 'vitest';
import { defaultParams } from '../params/schema';
import type { Job } from '../jobs/job';
import { demoRecords, demoRun } from './runs/demoRecords.testing';
import { selectRecords } from './selectors';
import { useAppStore } from './store';

const initial = useAppStore.getInitialState();
const SWEEP_JOB: Job = { kind: 'sweep', sweep: { param: 'd', values: [10, 20] } };
const dataset = {
  nTrain: 800,
  nTest: 500,
  d: 10,
  c: 1,
  featureNames: [],
  classLabels: null,
  layout: { kind: 'vector' as const },
  baselines: [],
};

/** Plays a run through the run slice's actions as the worker's events would. */
function playRun(runId: number, iterations: number, finish: boolean) {
  const s = useAppStore.getState();
  s.runRequested(runId, { kind: 'rfm' }, 6);
  s.runStarted(dataset);
  for (const record of demoRecords(runId).slice(0, iterations)) useAppStore.getState().iterationCompleted(record);
  if (finish) useAppStore.getState().runFinished();
}

describe('kept runs', () => {
  beforeEach(() => useAppStore.setState(initial, true));

  it('keeps a finished run with the parameters it was requested with, its records and a colour', () => {
    playRun(1, 6, true);
    useAppStore.getState().setParam('L', 2);
    const [run] = useAppStore.getState().runs;
    expect(run!.outcome).toBe('finished');
    expect(run!.params.L).toBe(10);
    expect(run!.records).toHaveLength(6);
    expect(run!.color).toMatch(/^#/);
    expect(useAppStore.getState().runBytes[run!.id]).toBeGreaterThan(0);
  });

  it('keeps no run that a tweak replaced halfway, and a run reset halfway as stopped', () => {
    playRun(1, 2, false);
    useAppStore.getState().runRequested(2, { kind: 'rfm' }, 6);
    expect(useAppStore.getState().runs).toEqual([]);
    playRun(3, 2, false);
    useAppStore.getState().runReset();
    const runs = useAppStore.getState().runs;
    expect(runs.map((r) => [r.outcome, r.records.length])).toEqual([['stopped', 2]]);
  });

  it('gives each run its own colour', () => {
    playRun(1, 6, true);
    playRun(2, 6, true);
    const [a, b] = useAppStore.getState().runs;
    expect(a!.color).not.toBe(b!.color);
  });

  it('renames, pins, compares and deletes', () => {
    playRun(1, 6, true);
    playRun(2, 6, true);
    const [a, b] = useAppStore.getState().runs.map((r) => r.id) as [string, string];
    const s = useAppStore.getState();
    s.renameRun(a, '  wide  ');
    s.renameRun(b, '   ');
    s.togglePinned(a);
    s.toggleCompared(b);
    s.toggleCompared(a);
    let state = useAppStore.getState();
    expect(state.runs[0]).toMatchObject({ name: 'wide', pinned: true });
    expect(state.runs[1]!.name).not.toBe('');
    expect(state.compareIds).toEqual([b, a]);
    state.deleteRun(b);
    state = useAppStore.getState();
    expect(state.runs.map((r) => r.id)).toEqual([a]);
    expect(state.compareIds).toEqual([a]);
    expect(state.runBytes[b]).toBeUndefined();
  });

  it('opens a kept run: its parameters and records, the current backend, events of older runs dropped', () => {
    playRun(1, 6, true);
    useAppStore.getState().setParam('L', 3);
    playRun(2, 6, true);
    const first = useAppStore.getState().runs[0]!;
    const before = useAppStore.getState().runId;
    useAppStore.getState().openRun(first.id);
    const s = useAppStore.getState();
    expect(s.openRunId).toBe(first.id);
    expect(s.params.L).toBe(10);
    expect(selectRecords(s)).toBe(first.records);
    expect(s.status).toBe('finished');
    expect(s.runId).toBeGreaterThan(before);
    // An opened run is not kept a second time.
    s.runFinished();
    expect(useAppStore.getState().runs).toHaveLength(2);
  });

  it('evicts the oldest unpinned run when the budget is full', () => {
    playRun(1, 6, true);
    const bytes = Object.values(useAppStore.getState().runBytes)[0]!;
    useAppStore.setState({ runsBudget: 2.5 * bytes });
    useAppStore.getState().togglePinned(useAppStore.getState().runs[0]!.id);
    playRun(2, 6, true);
    playRun(3, 6, true);
    playRun(4, 6, true);
    const runs = useAppStore.getState().runs;
    expect(runs).toHaveLength(2);
    expect(runs[0]!.pinned).toBe(true);
  });

  it('keeps a new run when pinned runs alone fill the budget, and asks (it used to vanish at once)', () => {
    playRun(1, 6, true);
    const bytes = Object.values(useAppStore.getState().runBytes)[0]!;
    useAppStore.getState().togglePinned(useAppStore.getState().runs[0]!.id);
    useAppStore.setState({ runsBudget: 0.5 * bytes });
    playRun(2, 6, true);
    const s = useAppStore.getState();
    expect(s.runs).toHaveLength(2);
    expect(s.overBudget).toMatchObject({ runId: s.runs[1]!.id, pinnedBytes: bytes });
    s.deleteRun(s.runs[1]!.id);
    expect(useAppStore.getState().overBudget).toBeNull();
    expect(useAppStore.getState().runs).toHaveLength(1);
  });

  it('refuses an import that would go past the budget, and changes nothing', () => {
    playRun(1, 6, true);
    const bytes = Object.values(useAppStore.getState().runBytes)[0]!;
    useAppStore.setState({ runsBudget: 2.5 * bytes });
    const before = useAppStore.getState().runs;
    const refused = useAppStore.getState().runsImported([demoRun('x', 1), demoRun('y', 2)]);
    expect(refused).toMatch(
      /importing 2 runs would take the kept runs to .* MB of the .* MB budget, so nothing was imported/,
    );
    expect(useAppStore.getState().runs).toBe(before);
    expect(useAppStore.getState().runsImported([demoRun('x', 1)])).toBeNull();
    expect(useAppStore.getState().runs.map((r) => r.id)).toContain('x');
  });

  it('pins a sweep point as a run with the swept value set', () => {
    const s = useAppStore.getState();
    s.setParam('sweep', 'd');
    useAppStore.getState().runRequested(1, SWEEP_JOB, 2);
    useAppStore.getState().sweepPointCompleted({
      value: 20,
      baselineTestMse: 0.4,
      finalTestMse: 0.1,
      bestTestMse: 0.1,
      bestIteration: 5,
      baselineTestAccuracy: null,
      finalTestAccuracy: null,
      M: new Float64Array(400),
      d: 20,
    });
    // The sweep is kept as a run of its own (its points), and a pinned point beside it.
    useAppStore.getState().runFinished();
    expect(useAppStore.getState().runs.map((r) => r.results?.kind)).toEqual(['sweep']);
    useAppStore.getState().pinSweepPoint(0);
    const run = useAppStore.getState().runs[1];
    expect(run!.params).toMatchObject({ d: 20, sweep: 'none' });
    expect(run!.pinned).toBe(true);
    expect(run!.point!.finalTestMse).toBe(0.1);
  });

  it('merges runs read back from storage by creation time, without duplicates', () => {
    playRun(1, 6, true);
    const mine = useAppStore.getState().runs[0]!;
    useAppStore.getState().runsAdded([demoRun('old', 1), { ...mine, name: 'stale copy' }]);
    const runs = useAppStore.getState().runs;
    expect(runs.map((r) => r.id)).toEqual(['old', mine.id]);
    expect(runs[1]!.name).toBe(mine.name);
    expect(defaultParams().L).toBe(10);
  });
});
