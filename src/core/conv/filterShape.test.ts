import { describe, expect, it } from 'vitest';
import { describeFilter } from './filterShape';

describe('describeFilter', () => {
  it('calls the patch mean a blob', () => {
    expect(describeFilter(new Array(9).fill(1 / 3), 3)).toMatchObject({
      kind: 'blob',
      meanCosine: expect.closeTo(1, 10),
    });
  });

  it('calls a top-to-bottom sign change a horizontal edge and a left-to-right one vertical', () => {
    expect(describeFilter([1, 1, 1, 0, 0, 0, -1, -1, -1], 3)).toMatchObject({
      kind: 'edge',
      orientation: 'horizontal',
    });
    expect(describeFilter([-1, 0, 1, -1, 0, 1, -1, 0, 1], 3)).toMatchObject({ kind: 'edge', orientation: 'vertical' });
    expect(describeFilter([0, 1, 1, -1, 0, 1, -1, -1, 0], 3)).toMatchObject({ kind: 'edge', orientation: 'diagonal' });
  });

  it('calls a single pixel neither, however far off centre (one sign is no edge)', () => {
    expect(describeFilter([1, 0, 0, 0, 0, 0, 0, 0, 0], 3).kind).toBe('other');
    expect(describeFilter([0, 0, 0, 0, 0, 0, 0, 0.05, 1], 3).kind).toBe('other');
  });

  it('calls a zero-sum centre-surround filter neither', () => {
    expect(describeFilter([-1, -1, -1, -1, 8, -1, -1, -1, -1], 3).kind).toBe('other');
  });
});
