import { describe, expect, it } from 'vitest';
import type { IterationRecord } from '../core';
import { formatRemaining, remainingRunMs } from './remainingTime';

function record(
  iteration: number,
  ms: { agop: number; kernel: number; solve: number; predict: number; spectrum: number },
) {
  return { iteration, timings: ms } as unknown as IterationRecord;
}
const baseline = record(0, { agop: 0, kernel: 10, solve: 50, predict: 5, spectrum: 35 });
const step = (t: number) => record(t, { agop: 100, kernel: 10, solve: 50, predict: 5, spectrum: 35 });

describe('remainingRunMs', () => {
  it('has no estimate until an iteration with an AGOP has finished', () => {
    expect(remainingRunMs([], 6, null)).toBeNull();
    expect(remainingRunMs([baseline], 6, { iteration: 1, phase: 'agop', fraction: 0.5 })).toBeNull();
  });

  it('multiplies the measured iteration time by the iterations still to come', () => {
    // Records 0..2 of 6: three iterations of 200 ms left.
    expect(remainingRunMs([baseline, step(1), step(2)], 6, null)).toBe(600);
  });

  it('subtracts the part of the current iteration already done, weighted by phase time', () => {
    // Iteration 3 is in its solve phase, half done: AGOP 100 + kernel 10 + 25 of 200 ms are behind it.
    const left = remainingRunMs([baseline, step(1), step(2)], 6, { iteration: 3, phase: 'solve', fraction: 0.5 });
    expect(left).toBeCloseTo(600 - 135, 9);
  });

  it('takes the median of the recent iterations, so one slow iteration does not swing it', () => {
    const slow = record(2, { agop: 900, kernel: 10, solve: 50, predict: 5, spectrum: 35 });
    expect(remainingRunMs([baseline, step(1), slow, step(3)], 5, null)).toBe(200);
  });

  it('is zero once every planned record exists', () => {
    expect(remainingRunMs([baseline, step(1)], 2, null)).toBe(0);
  });
});

describe('formatRemaining', () => {
  it('rounds coarsely so the text does not flicker', () => {
    expect(formatRemaining(3_000)).toBe('a few seconds left');
    expect(formatRemaining(42_000)).toBe('about 40 s left');
    expect(formatRemaining(130_000)).toBe('about 2 min 10 s left');
    expect(formatRemaining(181_000)).toBe('about 3 min left');
  });
});
