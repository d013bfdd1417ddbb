import { describe, expect, it } from 'vitest';
import { rowWindow } from './virtualRows';

describe('rowWindow', () => {
  it('renders the rows in view and a margin, never past the ends', () => {
    expect(rowWindow(0, 320, 100_000)).toEqual({ start: 0, end: 34 });
    expect(rowWindow(24 * 5000, 320, 100_000)).toEqual({ start: 4980, end: 5034 });
    expect(rowWindow(1e12, 320, 100_000)).toEqual({ start: 100_000, end: 100_000 });
    expect(rowWindow(-50, 320, 10)).toEqual({ start: 0, end: 10 });
    expect(rowWindow(NaN, 320, 10)).toEqual({ start: 0, end: 10 });
  });
});
