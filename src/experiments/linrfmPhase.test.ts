/**
 * The lin-RFM phase transition (docs/linrfm.md) on a CI-sized grid: a rank-1 40 x 40 matrix is recovered
 * from 60% of its entries and not from 5% (by lin-RFM and by the converged nuclear-norm baseline), and the grid's size guard refuses a matrix too large to sweep.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LINRFM_OPTIONS } from '../core/linrfm/linrfmTypes';
import { defaultParams } from '../params/schema';
import { startLinRfm } from './linrfmExperiment';
import { PHASE_THRESHOLD, checkPhaseSize, phaseCellCount, phaseTransition, type PhaseCell } from './linrfmPhase';

describe('the phase transition', () => {
  it('marks success at a high observed share and failure at a very low one', async () => {
    const cells: PhaseCell[] = [];
    const grid = { ranks: [1], observed: [0.05, 0.6] };
    const options = { ...DEFAULT_LINRFM_OPTIONS, iterations: 40 };
    for await (const cell of phaseTransition({ rows: 40, cols: 40, noise: 0, seed: 1 }, options, grid))
      cells.push(cell);
    expect(cells.map((c) => [c.rank, c.observed, c.iteration])).toEqual([
      [1, 0.05, 0],
      [1, 0.6, 1],
    ]);
    expect(cells[0]!.success).toBe(false);
    expect(cells[0]!.recoveryError).toBeGreaterThan(0.3);
    expect(cells[1]!.success).toBe(true);
    expect(cells[1]!.recoveryError).toBeLessThan(PHASE_THRESHOLD);
    expect(cells[1]!.degreesOfFreedom).toBeCloseTo(79 / 1600, 12);
    // The converged nuclear-norm baseline runs on the same matrices: it recovers the 60% cell, not the 5% one.
    expect(cells[1]!.nuclearSuccess).toBe(true);
    expect(cells[1]!.nuclearConverged).toBe(true);
    expect(cells[0]!.nuclearSuccess).toBe(false);
  });

  it('refuses a matrix too large to sweep, and a rank that does not fit', () => {
    const grid = { ranks: [1, 8], observed: [0.5] };
    expect(() => checkPhaseSize(200, 200, grid)).toThrow(/at most 10,000 entries \(it is 200 x 200/);
    expect(() => checkPhaseSize(6, 60, grid)).toThrow(/rank 8 does not fit a 6 x 60 matrix/);
    expect(phaseCellCount(grid)).toBe(2);
  });

  it('runs as a linrfm-phase job', () => {
    const run = startLinRfm({ kind: 'linrfm-phase' }, { ...defaultParams(), rows: 60, cols: 60 });
    expect(run.summary.kind).toBe('phase');
    if (run.summary.kind === 'phase')
      expect(run.summary.ranks.length * run.summary.observed.length).toBe(phaseCellCount());
  });
});
