import { describe, expect, it } from 'vitest';
import { defaultParams, type Params } from '../params/schema';
import { jobFromParams, jobKindOf, sweepParamOf } from './job';
import { JOBS } from './jobTraits';

const params = (patch: Partial<Params>): Params => ({ ...defaultParams(), ...patch });

describe('the job the parameters describe', () => {
  it('is an RFM run by default, and an RFM with a network when the model says so', () => {
    expect(jobFromParams(defaultParams())).toEqual({ kind: 'rfm' });
    expect(jobFromParams(params({ model: 'rfm+nn' }))).toEqual({ kind: 'rfm+nn' });
  });

  it('is a sweep with its values when a parameter is swept, and trains no network then', () => {
    const job = jobFromParams(params({ sweep: 'n', from: 100, to: 400, steps: 4, model: 'rfm+nn' }));
    expect(job).toEqual({ kind: 'sweep', sweep: { param: 'n', values: [100, 159, 252, 400] } });
    expect(sweepParamOf(params({ sweep: 'n' }))).toBe('n');
    expect(sweepParamOf(defaultParams())).toBeNull();
  });

  it('is a lin-RFM problem whatever the sweep and model say', () => {
    const patch = { sweep: 'd', model: 'rfm+nn' } as const;
    expect(jobFromParams(params({ ...patch, linrfm: 'sparse' }))).toEqual({ kind: 'linrfm', problem: 'sparse' });
    expect(jobFromParams(params({ linrfm: 'completion' }))).toEqual({ kind: 'linrfm', problem: 'completion' });
    expect(jobKindOf(params({ ...patch, linrfm: 'phase' }))).toBe('linrfm-phase');
  });

  it('is ConvRFM when the model says so, also with a sweep named (ConvRFM runs its own comparisons)', () => {
    expect(jobFromParams(params({ model: 'convrfm' }))).toEqual({ kind: 'convrfm' });
    expect(jobKindOf(params({ model: 'convrfm', sweep: 'n' }))).toBe('convrfm');
    expect(jobKindOf(params({ model: 'convrfm', linrfm: 'sparse' }))).toBe('linrfm');
  });

  it('is the catapults sweep when the model says so: each batch size clipped to n once, then the small-step control', () => {
    const job = jobFromParams(params({ model: 'catapults', n: 128, lrx: 1.5, sweep: 'n' }));
    expect(job).toEqual({
      kind: 'catapults',
      runs: [
        { batchSize: 128, lrScale: 1.5, control: false },
        { batchSize: 32, lrScale: 1.5, control: false },
        { batchSize: 8, lrScale: 1.5, control: false },
        { batchSize: 32, lrScale: 0.5, control: true },
      ],
    });
    // One unit per measured step (0..sgdsteps) of each run: what the status line counts.
    expect(JOBS.catapults.planned(params({ sgdsteps: 10 }), job)).toBe(44);
  });
});

describe('an AGOP tree (docs/trees.md)', () => {
  it('is the job when the planned training rows exceed the leaf size, and plans one unit per leaf', () => {
    const job = jobFromParams(params({ n: 20_000, leaf: 4000 }));
    expect(job).toEqual({ kind: 'tree', leafSize: 4000, trainRows: 20_000 });
    expect(JOBS.tree.planned(params({ n: 20_000 }), job)).toBe(8);
  });

  it('is not the job at or under the leaf size, nor with leaf 0 (one kernel, the memory check decides)', () => {
    expect(jobKindOf(params({ n: 4000, leaf: 4000 }))).toBe('rfm');
    expect(jobKindOf(params({ n: 20_000, leaf: 0 }))).toBe('rfm');
  });

  it('counts a checked CSV by its training rows once the test share is held out', () => {
    const csv = params({ data: 'csv', split: 0.2, leaf: 4000 });
    expect(jobFromParams(csv, { csv: { name: 'big.csv', text: '', rows: 100_000 } })).toEqual({
      kind: 'tree',
      leafSize: 4000,
      trainRows: 80_000,
    });
    // Before the check has counted its rows, the file plans one kernel.
    expect(jobKindOf(csv, { csv: { name: 'big.csv', text: '' } })).toBe('rfm');
  });
});

describe('the job traits', () => {
  it('plan T + 1 records for a run, one per value for a sweep and one per cell for the phase grid', () => {
    const run = params({ iters: 5 });
    expect(JOBS.rfm.planned(run, { kind: 'rfm' })).toBe(6);
    const sweep = params({ sweep: 'd', from: 5, to: 20, steps: 4 });
    expect(JOBS.sweep.planned(sweep, jobFromParams(sweep))).toBe(4);
    expect(JOBS['linrfm-phase'].planned(run, { kind: 'linrfm-phase' })).toBe(48);
  });

  it('keep every kind of run but trees and catapults in the runs list (sweeps, lin-RFM, Deep RFM and ConvRFM too)', () => {
    const kinds = Object.keys(JOBS) as (keyof typeof JOBS)[];
    expect(kinds.filter((k) => !JOBS[k].kept)).toEqual(['tree', 'catapults']);
    // A tree's unit is a whole leaf's RFM run: there is no one iteration to step.
    expect(kinds.filter((k) => !JOBS[k].steppable)).toEqual(['sweep', 'tree']);
  });
});
