/**
 * The catapults views' numbers and words from hand-made records (docs/catapults.md): the caption while the
 * sweep runs and once it is done, with a spike and without; the loss, NTK, alignment and sweep chart data.
 */
import { describe, expect, it } from 'vitest';
import type { CatapultStep } from '../../../core/nn/catapult';
import { catapultCaption } from '../../../experiments/catapultCaption';
import { catapultRuns, type ShownCatapultRun } from '../../../store/catapultRuns';
import type { CatapultRunState } from '../../../store/results';
import { alignmentChartData, lossChartData, ntkChartData, sweepChartData } from './catapultChartData';

/** Steps with the given losses; the eigenvalue falls and the alignment rises after step 3. */
const steps = (losses: number[]): CatapultStep[] =>
  losses.map((loss, step) => ({ step, loss, topEigenvalue: step < 3 ? 40 : 8, alignment: step < 3 ? 0.4 : 0.8 }));

const SPIKY = [1.3, 1.2, 1.1, 300, 50, 0.9, 0.5, 0.3];
const SMOOTH = [1.3, 1.1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.45];
const DIVERGING = [1.3, 5, 80, Infinity, NaN, NaN, NaN, NaN];

const PLAN = [
  { batchSize: 128, lrScale: 1.5, control: false },
  { batchSize: 32, lrScale: 1.5, control: false },
  { batchSize: 8, lrScale: 1.5, control: false },
  { batchSize: 32, lrScale: 0.5, control: true },
];

function state(index: number, losses: number[], result: { testMse: number } | null): CatapultRunState {
  const lr = PLAN[index]!.lrScale * 0.05;
  const run: CatapultRunState = { index, lr, criticalLr: 0.05, steps: steps(losses), result: null };
  if (result) {
    const [shown] = catapultRuns({ summary: null, runs: [run] }, PLAN);
    run.result = { spikes: [...shown!.spikes], finalAlignment: 0.8, testMse: result.testMse };
  }
  return run;
}

const shown = (states: CatapultRunState[]): ShownCatapultRun[] => catapultRuns({ summary: null, runs: states }, PLAN);

describe('the catapults caption', () => {
  it('says where a running sweep is, in the present tense, with the spikes so far', () => {
    const runs = shown([state(0, SPIKY, { testMse: 0.1 }), state(1, SPIKY.slice(0, 5), null)]);
    const caption = catapultCaption(runs, { plannedRuns: 4, steps: 7 });
    expect(caption).toMatch(
      /^Training batch 32 at 1\.5 x the edge \(run 2 of 4\), step 4 of 7: the loss has spiked once so far \(steps 3-4\)/,
    );
    expect(caption).toContain('Done: batch 128 at 1.5 x the edge');
    expect(caption).not.toContain('the paper');
  });

  it('says a running sweep has no spike so far when its loss only falls', () => {
    const caption = catapultCaption(shown([state(0, SMOOTH.slice(0, 3), null)]), { plannedRuns: 4, steps: 7 });
    expect(caption).toContain('step 2 of 7: no spike so far; loss 0.90, alignment 0.40.');
  });

  it('gives the verdict once finished: spikes past the edge, none at the small step, against the paper on batch size', () => {
    const runs = shown([
      state(0, SPIKY, { testMse: 0.08 }),
      state(1, SPIKY, { testMse: 0.1 }),
      state(2, DIVERGING, { testMse: NaN }),
      state(3, SMOOTH, { testMse: 0.25 }),
    ]);
    const caption = catapultCaption(runs);
    expect(caption).toContain('batch 128 at 1.5 x the edge (lr 0.075): 1 spike (largest alignment jump +0.40)');
    expect(caption).toContain('batch 8 at 1.5 x the edge (lr 0.075): diverged (the loss is not finite from step 3)');
    expect(caption).toContain('Past the edge 2 of 3 batch sizes spike, 1 diverges (batch 8).');
    expect(caption).toContain('After a spike the alignment is higher (+0.40), as the paper says.');
    expect(caption).toContain('At 0.5 x the edge (batch 32) the loss does not spike; test MSE 0.25');
    expect(caption).toContain(
      'Against the paper, smaller batches do not give more spikes here (spikes by batch 128: 1, 32: 1).',
    );
    expect(caption).toContain('Against the paper, the lowest test MSE is at batch 128 (0.080)');
  });

  it('says the trend holds only in part when some smaller batch spikes no more than a larger one', () => {
    const twice = [1.3, 1.2, 300, 1.0, 0.9, 200, 0.5, 0.3];
    const runs = shown([
      state(0, SPIKY, { testMse: 0.1 }),
      state(1, SPIKY, { testMse: 0.2 }),
      state(2, twice, { testMse: 0.3 }),
    ]);
    expect(catapultCaption(runs)).toContain(
      'Only partly as the paper says, smaller batches give as many spikes or more here, not more at each step down (128: 1, 32: 1, 8: 2).',
    );
  });

  it('agrees with the paper when the smaller batch spikes more and tests better', () => {
    const twice = [1.3, 1.2, 300, 1.0, 0.9, 200, 0.5, 0.3];
    const runs = shown([state(0, SMOOTH, { testMse: 0.2 }), state(1, twice, { testMse: 0.1 })]);
    const caption = catapultCaption(runs);
    expect(caption).toContain('Past the edge 1 of 2 batch sizes spike.');
    expect(caption).toContain('As the paper says, smaller batches give more spikes here (128: 0, 32: 2).');
    expect(caption).toContain('The smallest batch that trains (32) has the lowest test MSE, as the paper says.');
  });
});

describe('the catapults chart data', () => {
  const runs = shown([state(0, SPIKY, { testMse: 0.08 }), state(3, SMOOTH, { testMse: 0.25 })]);

  it('draws the loss of each run by step and marks each spike at its peak; the control dashed', () => {
    const { series } = lossChartData(runs);
    expect(series.map((s) => s.label)).toEqual(['batch 128, 1.5 × edge', 'batch 32, 0.5 × edge (control)']);
    expect(series[0]!.points).toHaveLength(8);
    expect(series[0]!.points[3]).toEqual({ x: 3, y: 300 });
    expect(series[0]!.marks).toEqual([
      { x: 3, y: 300, label: expect.stringMatching(/^spike of batch 128, 1\.5 × edge: steps 3–4, peak 300 at step 3/) },
    ]);
    expect(series[1]!.marks).toEqual([]);
    expect(series[1]!.dashed).toBe(true);
  });

  it('marks a spike while its run is still going (the spikes of the steps so far)', () => {
    const live = shown([state(0, SPIKY.slice(0, 5), null)]);
    expect(lossChartData(live).series[0]!.marks?.map((m) => m.x)).toEqual([3]);
  });

  it('draws a diverging run until its loss passes the cap, says so in its label, and keeps it off the sweep', () => {
    const blowUp = [1.3, 5, 80, 5000, 1e12, Infinity, NaN, NaN];
    const [line] = lossChartData(shown([state(2, blowUp, { testMse: NaN })])).series;
    expect(line!.label).toBe('batch 8, 1.5 × edge, diverges');
    expect(line!.points.map((p) => p.x)).toEqual([0, 1, 2]);
    // Its spike peaks past the cap (at 1e12): listed under the chart, not marked on it.
    expect(line!.marks).toEqual([]);
    // Once the loss is not finite, the alignment of its NaN weights is no measurement: a gap, not a 0.
    const alignment = alignmentChartData(shown([state(2, blowUp, { testMse: NaN })])).series[0]!.points;
    expect(alignment.map((p) => p.y)).toEqual([0.4, 0.4, 0.4, 0.8, 0.8, NaN, NaN, NaN]);
    const runs = shown([state(0, SPIKY, { testMse: 0.08 }), state(2, blowUp, { testMse: NaN })]);
    expect(sweepChartData(runs, 'finalAlignment').series[0]!.points).toEqual([
      { x: 8, y: NaN },
      { x: 128, y: 0.8 },
    ]);
    expect(sweepChartData(runs, 'testMse').annotations).toEqual([{ x: 8, label: 'batch 8 diverged', id: 'diverged' }]);
  });

  it('draws the top eigenvalue with 2 / lr of each step size flat across the steps', () => {
    const { series } = ntkChartData(runs);
    expect(series.map((s) => s.id)).toEqual(['run0', 'run3', 'edge1.5', 'edge0.5']);
    expect(series[2]!.points).toEqual([
      { x: 0, y: 2 / (1.5 * 0.05) },
      { x: 7, y: 2 / (1.5 * 0.05) },
    ]);
    expect(series[0]!.points[0]!.y).toBe(40);
  });

  it('draws the alignment by step', () => {
    expect(alignmentChartData(runs).series[0]!.points.map((p) => p.y)).toEqual([
      0.4, 0.4, 0.4, 0.8, 0.8, 0.8, 0.8, 0.8,
    ]);
  });

  it('puts the finished runs past the edge on one line against batch size and the control apart', () => {
    const all = shown([
      state(0, SPIKY, { testMse: 0.08 }),
      state(1, SMOOTH, { testMse: 0.1 }),
      state(3, SMOOTH, { testMse: 0.25 }),
    ]);
    const spikes = sweepChartData(all, 'spikes').series;
    expect(spikes.map((s) => s.label)).toEqual(['1.5 × edge', 'control: 0.5 × edge']);
    expect(spikes[0]!.points).toEqual([
      { x: 32, y: 0 },
      { x: 128, y: 1 },
    ]);
    expect(spikes[1]!.points).toEqual([{ x: 32, y: 0 }]);
    expect(sweepChartData(all, 'testMse').series[1]!.points).toEqual([{ x: 32, y: 0.25 }]);
    // An unfinished run is not on the sweep yet.
    expect(sweepChartData(shown([state(0, SPIKY.slice(0, 4), null)]), 'spikes')).toEqual({
      series: [],
      annotations: [],
    });
  });
});
