import { describe, expect, it } from 'vitest';
import { wasmThreadCount } from './wasmThreads';

describe('the wasm backend thread count', () => {
  it('is two wherever there are two logical cores, else the half tfjs-wasm itself takes, at most 8', () => {
    expect([1, 2, 3, 4, 6, 8, 16, 32].map(wasmThreadCount)).toEqual([1, 2, 2, 2, 3, 4, 8, 8]);
  });

  it('is one when the core count is unknown', () => {
    expect(wasmThreadCount(0)).toBe(1);
    expect(wasmThreadCount(Number.NaN)).toBe(1);
  });
});
