import { describe, expect, it } from 'vitest';
import type { PhaseCell } from '../../../protocol/linrfmMessages';
import { boundaryOf, phaseBoundaries, phaseFinding } from './phaseFinding';

const cell = (rank: number, observed: number, success: boolean, nuclearSuccess: boolean): PhaseCell => ({
  iteration: 0,
  rank,
  observed,
  recoveryError: success ? 1e-6 : 0.5,
  success,
  degreesOfFreedom: 0,
  nuclearError: nuclearSuccess ? 1e-6 : 0.5,
  nuclearConverged: true,
  nuclearSuccess,
});

// Rank 2 at s = 0.75 on the 60 x 60 grid: lin-RFM from 30%, the nuclear norm from 40% (measured, docs/linrfm.md).
const rank2 = [
  cell(2, 0.2, false, false),
  cell(2, 0.3, true, false),
  cell(2, 0.4, true, true),
  cell(2, 0.5, true, true),
];

describe('the phase grid caption', () => {
  it('finds each method’s boundary: the smallest share from which every larger one recovered', () => {
    expect(boundaryOf(rank2, (c) => c.success)).toBe(0.3);
    expect(boundaryOf(rank2, (c) => c.nuclearSuccess)).toBe(0.4);
    // A lucky cell below a failure is not the boundary.
    expect(
      boundaryOf([cell(1, 0.1, true, false), cell(1, 0.2, false, false), cell(1, 0.3, true, false)], (c) => c.success),
    ).toBe(0.3);
    expect(boundaryOf([cell(1, 0.5, false, false)], (c) => c.success)).toBeNull();
  });

  it('names the boundaries per rank and which method needed fewer entries', () => {
    const cells = [...rank2, cell(6, 0.4, true, false), cell(6, 0.5, true, false), cell(6, 0.6, true, true)];
    expect(phaseBoundaries(cells)).toEqual([
      { rank: 2, linRfm: 0.3, nuclear: 0.4 },
      { rank: 6, linRfm: 0.4, nuclear: 0.6 },
    ]);
    const text = phaseFinding(cells, true)!;
    expect(text).toBe(
      'Smallest share recovered: rank 2: lin-RFM from 30%, nuclear norm from 40%; rank 6: lin-RFM from 40%, nuclear norm from 60%. So lin-RFM needed fewer entries at 2 of 2 ranks (the nuclear norm at 0).',
    );
  });

  it('says when the nuclear norm needed fewer, and speaks of a run in progress as so far', () => {
    const cells = [cell(3, 0.4, false, true), cell(3, 0.5, true, true)];
    const text = phaseFinding(cells, false)!;
    expect(text).toMatch(/^Smallest share recovered so far: rank 3: lin-RFM from 50%, nuclear norm from 40%/);
    expect(text).toMatch(/the nuclear norm needed fewer entries at 1 of 1 ranks/);
    expect(phaseFinding([], true)).toBeNull();
  });
});
