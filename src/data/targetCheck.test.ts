import { describe, expect, it } from 'vitest';
import { checkTarget, type TargetCheckOptions } from './targetCheck';

const options: TargetCheckOptions = { d: 3, nTrain: 800, nTest: 500, distribution: 'uniform', seed: 1 };

describe('checkTarget', () => {
  it('accepts the seed target and one that is finite on every real draw though not everywhere', () => {
    expect(checkTarget('5*x1^3 + 10*x2^2 + 2*x3', options)).toBeNull();
    expect(checkTarget('1/x1', options)).toBeNull();
  });

  it('refuses targets that parse but are not finite on the inputs, in words', () => {
    expect(checkTarget('1/0', options)).toMatch(
      /^The target 1\/0 is Infinity at training point 1; choose a target that is finite/,
    );
    expect(checkTarget('sqrt(-1)', options)).toMatch(/^The target sqrt\(-1\) is NaN at training point 1/);
    expect(checkTarget('exp(1000)', options)).toMatch(/^The target exp\(1000\) is Infinity/);
    expect(checkTarget('sqrt(x1)', options)).toMatch(/^The target sqrt\(x1\) is NaN at training point \d+ \(x1 = -/);
    expect(checkTarget('exp(100*x1)', options)).toMatch(/too large for float32/);
  });

  it('evaluates 300 nested parentheses without a stack overflow (the parser is not recursive per level)', () => {
    expect(checkTarget(`${'('.repeat(300)}x1${')'.repeat(300)}`, options)).toBeNull();
  });

  it('keeps the parser’s own messages for syntax errors', () => {
    expect(checkTarget('x1 +', options)).toMatch(/^Syntax error/);
    expect(checkTarget('x9', options)).toMatch(/x9/);
  });
});
