import { describe, expect, it } from 'vitest';
import { MAX_FEATURES, checkRunCost } from './runCost';

describe('checkRunCost', () => {
  it('lets every built-in experiment through (digits at 28 px has d = 784)', () => {
    expect(() => checkRunCost({ n: 2000, nTest: 500, d: 784, c: 10 })).not.toThrow();
    expect(() => checkRunCost({ n: 20000, nTest: 0, d: MAX_FEATURES, c: 1 })).not.toThrow();
  });

  it('refuses a wide table before it sits in the AGOP for minutes, with the numbers', () => {
    expect(() => checkRunCost({ n: 30, nTest: 0, d: 2001, c: 1 })).toThrow(
      'd = 2,001 input features is more than can train here: M is 2,001 x 2,001, and every iteration multiplies and decomposes it (about 96 billion operations, minutes on a CPU). At most 1,500 features can train; drop columns (or choose a smaller image or context).',
    );
    expect(() => checkRunCost({ n: 160, nTest: 40, d: 5000, c: 1 })).toThrow(/^d = 5,000 input features/);
  });
});
