/**
 * One results value typed by the job (results.ts): each job's events fill its own results, events for
 * results a job does not have change nothing, a new job starts from its own empty results, and the
 * selectors give the same object while the results do not change (zustand re-renders on a new one).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { IterationRecord } from '../core';
import type { NnEpochRecord } from '../core/nn/networkTypes';
import type { LinRfmRecord } from '../experiments/linrfmExperiment';
import type { Job } from '../jobs/job';
import type { SweepPoint } from '../protocol/messages';
import type { ConvRecord } from '../protocol/convMessages';
import { selectNnRecords } from './nnSelectors';
import { demoRecords } from './runs/demoRecords.testing';
import {
  selectCompletedUnits,
  selectJob,
  selectLinRfmRecords,
  selectRecords,
  selectRunPosition,
  selectSweepPoints,
} from './selectors';
import { useAppStore } from './store';

const s = () => useAppStore.getState();
const record = (iteration: number): IterationRecord => ({ ...demoRecords(1, 1, 1)[0]!, iteration });
const point = (value: number) => ({ value, M: new Float64Array(1), d: 1 }) as unknown as SweepPoint;
const cell = { kind: 'phase', record: { iteration: 0 } } as unknown as LinRfmRecord;
const epoch = { epoch: 1 } as unknown as NnEpochRecord;
const sweep: Job = { kind: 'sweep', sweep: { param: 'd', values: [2, 4] } };

describe('the results of the job on screen', () => {
  beforeEach(() => s().runReset());

  it('are typed by the job: a sweep keeps points, and an iteration record sent to it changes nothing', () => {
    s().runRequested(s().runId + 1, sweep, 2);
    s().sweepPointCompleted(point(2));
    const before = s().results;
    s().iterationCompleted(record(0));
    s().linrfmIterationCompleted(cell);
    expect(s().results).toBe(before);
    expect(selectSweepPoints(s()).map((p) => p.value)).toEqual([2]);
    expect(selectRecords(s())).toEqual([]);
    expect([selectCompletedUnits(s()), selectRunPosition(s())]).toEqual([1, 'point 1/2']);
    expect(selectJob(s())).toBe(sweep);
  });

  it('of a ConvRFM run keep its records and comparison points, counted as its iterations', () => {
    s().runRequested(s().runId + 1, { kind: 'convrfm' }, 2);
    const conv = { iteration: 0 } as unknown as ConvRecord;
    s().convIterationCompleted(conv);
    s().convPointCompleted('plain', { iteration: 0, testAccuracy: 0.9, testMse: 0.03, trainAccuracy: 1 });
    s().iterationCompleted(record(0));
    const results = s().results;
    if (results.kind !== 'convrfm') throw new Error('expected ConvRFM results');
    expect(results.records).toEqual([conv]);
    expect(results.lines.plain.map((p) => p.testAccuracy)).toEqual([0.9]);
    expect(selectRecords(s())).toEqual([]);
    expect([selectCompletedUnits(s()), selectRunPosition(s())]).toEqual([1, 'iteration 0/1']);
  });

  it('start empty for each new job, of the new job’s kind', () => {
    s().runRequested(s().runId + 1, { kind: 'rfm' }, 3);
    s().iterationCompleted(record(0));
    s().runRequested(s().runId + 1, { kind: 'linrfm-phase' }, 4);
    expect(s().results.kind).toBe('linrfm-phase');
    expect(selectRecords(s())).toEqual([]);
    s().linrfmIterationCompleted(cell);
    expect(selectLinRfmRecords(s())).toEqual([cell]);
  });

  it('count the phase grid in cells, as the job says, not in iterations of a run', () => {
    s().runRequested(s().runId + 1, { kind: 'linrfm-phase' }, 2);
    s().linrfmIterationCompleted(cell);
    s().linrfmIterationCompleted(cell);
    s().runFinished();
    expect([selectCompletedUnits(s()), selectRunPosition(s())]).toEqual([2, 'cell 2/2']);
  });

  it('keep the network beside the RFM with its run, and drop it with the next run', () => {
    s().runRequested(s().runId + 1, { kind: 'rfm+nn' }, 2);
    s().nnStarted(10, 1);
    s().nnEpochCompleted(epoch);
    expect(selectNnRecords(s())).toEqual([epoch]);
    s().runRequested(s().runId + 1, { kind: 'rfm+nn' }, 2);
    expect(selectNnRecords(s())).toEqual([]);
    s().runRequested(s().runId + 1, { kind: 'rfm' }, 2);
    s().nnEpochCompleted(epoch); // an RFM run alone trains no network: nothing to add it to
    expect(selectNnRecords(s())).toEqual([]);
  });

  it('give the same object from each selector while they do not change', () => {
    s().runRequested(s().runId + 1, { kind: 'rfm' }, 3);
    s().iterationCompleted(record(0));
    const [records, points, linrfm, nn] = [selectRecords, selectSweepPoints, selectLinRfmRecords, selectNnRecords].map(
      (select) => select(s()),
    );
    s().progressed({ iteration: 1, phase: 'agop', fraction: 0.5 });
    expect(selectRecords(s())).toBe(records);
    expect(selectSweepPoints(s())).toBe(points);
    expect(selectLinRfmRecords(s())).toBe(linrfm);
    expect(selectNnRecords(s())).toBe(nn);
  });
});
