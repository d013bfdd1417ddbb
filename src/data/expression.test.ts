import { describe, expect, it } from 'vitest';
import { checkTargetExpression, compileTarget, ExpressionError } from './expression';

function errorOf(source: string, d: number): ExpressionError {
  try {
    compileTarget(source, d);
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw error;
  }
  throw new Error(`expected ${source} to be rejected`);
}

describe('compileTarget', () => {
  it('evaluates the seed target at a point given by an offset into a flat array', () => {
    const target = compileTarget('5*x1^3 + 10*x2^2 + 2*x3', 3);
    const x = new Float64Array([9, 9, 9, 1, 2, -3]);
    expect(target.evaluate(x, 3)).toBe(5 + 40 - 6);
    expect(target.variables).toEqual([1, 2, 3]);
  });

  it('accepts float32 inputs, parentheses, unary minus, division and the allowed functions', () => {
    const target = compileTarget(
      '-(x1 - x2) / 2 + sin(x1) + cos(x2) + tan(0) + exp(0) + log(1) + sqrt(4) + abs(-x1) + tanh(0) + sign(-3) + min(x1, x2) + max(x1, x2, 7)',
      2,
    );
    const x = Float32Array.from([0.5, 1.5]);
    const expected = 0.5 + Math.sin(0.5) + Math.cos(1.5) + 0 + 1 + 0 + 2 + 0.5 + 0 - 1 + 0.5 + 7;
    expect(target.evaluate(x, 0)).toBeCloseTo(expected, 6);
  });

  it('reports only the variables the expression uses', () => {
    expect(compileTarget('x7 * 2x3', 10).variables).toEqual([3, 7]);
    expect(compileTarget('42', 10).variables).toEqual([]);
  });

  it('uses real arithmetic, so the square root of a negative number is NaN', () => {
    expect(compileTarget('sqrt(x1)', 1).evaluate(new Float64Array([-1]), 0)).toBeNaN();
  });

  it('rejects x0 and says inputs are numbered from 1', () => {
    const error = errorOf('x0 + x1', 10);
    expect(error.message).toMatch(/x0 at position 1 is not an input/);
    expect(error.message).toMatch(/numbered from 1/);
  });

  it('rejects x11 when d = 10 and names the valid range', () => {
    const error = errorOf('x1 + x11', 10);
    expect(error.message).toBe('x11 at position 6 is out of range: d = 10, so the inputs are x1 to x10.');
    expect(error.position).toBe(6);
    expect(error.token).toBe('x11');
  });

  it('rejects a function outside the allowlist and lists the allowed ones', () => {
    const error = errorOf('x1 + erf(x2)', 2);
    expect(error.message).toMatch(/Function 'erf' at position 6 is not allowed/);
    expect(error.message).toMatch(/sin, cos, tan, exp, log, sqrt, abs, tanh, sign, min, max/);
  });

  it('rejects an unknown name with its position', () => {
    expect(errorOf('x1 + y', 3).message).toBe("Unknown name 'y' at position 6: the inputs are x1 to x3.");
  });

  it('rejects operators other than + - * / ^', () => {
    expect(errorOf('x1 % 2', 1).message).toMatch(/Operator '%' at position 4 is not allowed/);
    expect(errorOf('x1 == 2', 1).message).toMatch(/Operator '=='/);
    expect(errorOf('x1!', 1).message).toMatch(/Operator '!'/);
  });

  it('reports a syntax error with its position', () => {
    const error = errorOf('x1 +', 1);
    expect(error.message).toBe('Syntax error at position 5: unexpected end of expression.');
    expect(errorOf('x1 @ 2', 1).message).toMatch(/position 4/);
  });

  it.each([
    ['constructor', /Unknown name 'constructor'/],
    ['__proto__', /Unknown name '__proto__'/],
    ['constructor(x1)', /Function 'constructor' at position 1 is not allowed/],
    ['toString(x1)', /Function 'toString'/],
    ['x1.constructor', /Property or index access at position 3/],
    ['x1["__proto__"]', /Property or index access at position 3/],
    ['sin.constructor("return process")', /Property or index access at position 4/],
    ['sin.constructor("return process")()', /Syntax error/],
    ['import("fs")', /Function 'import'/],
    ['f(x) = 1', /function definition/],
    ['a = 1', /assignment/],
    ['"abc"', /is not a number/],
    ['[1, 2]', /matrix or list/],
    ['x1; x2', /second expression/],
    ['x1 ? 1 : 2', /conditional/],
  ])('rejects the injection-style or non-arithmetic input %s', (source, message) => {
    expect(() => compileTarget(source, 3)).toThrow(ExpressionError);
    expect(errorOf(source, 3).message).toMatch(message);
  });

  it('rejects an empty expression with an example of a valid one', () => {
    expect(errorOf('  ', 3).message).toMatch(/Enter a target expression/);
  });

  it('rejects a wrong number of arguments', () => {
    expect(errorOf('sin(x1, x2)', 2).message).toBe('sin at position 1 takes 1 argument, not 2.');
  });
});

describe('checkTargetExpression', () => {
  it('returns null for a valid expression and the message for an invalid one', () => {
    expect(checkTargetExpression('5*x1^3 + 10*x2^2 + 2*x3', 3)).toBeNull();
    expect(checkTargetExpression('5*x1^3 + 10*x2^2 + 2*x3', 2)).toMatch(/x3 at position 22 is out of range/);
  });
});

describe('the expression grammar', () => {
  const at = (source: string, ...x: number[]) => compileTarget(source, 3).evaluate(Float64Array.from(x), 0);

  it('gives ^ precedence over unary minus and groups it to the right', () => {
    expect(at('-x1^2', 3)).toBe(-9);
    expect(at('2^-1')).toBe(0.5);
    expect(at('2^3^2')).toBe(512);
    expect(at('(-x1)^2', 3)).toBe(9);
  });

  it('multiplies and divides before adding, left to right', () => {
    expect(at('1 + 2*3 - 4/2')).toBe(5);
    expect(at('8/4/2')).toBe(1);
    expect(at('10 - 3 - 2')).toBe(5);
  });

  it('reads a number before a name or a parenthesis as a product', () => {
    expect(at('2x1', 4)).toBe(8);
    expect(at('2(x1 + 1)', 4)).toBe(10);
    expect(at('(x1 + 1)(x2 - 1)', 1, 3)).toBe(4);
    expect(at('3 sin(0) + 2x1 x2', 2, 5)).toBe(20);
  });

  it('reads decimals and exponents', () => {
    expect(at('.5 + 1.25 + 1e-3 + 2E2')).toBeCloseTo(201.751, 12);
  });

  it('points at the first character it cannot read', () => {
    expect(errorOf('(x1 + 2', 1).message).toBe('Syntax error at position 8: unexpected end of expression.');
    expect(errorOf('x1 + * 2', 1).message).toBe("Syntax error at position 6: unexpected '*'.");
    expect(errorOf('x1 )', 1).message).toBe("Syntax error at position 4: unexpected ')'.");
  });

  it('names the character it cannot read: a whole emoji, and the code of an invisible one', () => {
    // Before: a lone surrogate for the emoji, and "unexpected ' '" for a no-break space or a NUL.
    expect(errorOf('x1 + 😀', 1).message).toBe("Syntax error at position 6: unexpected '😀' (U+1F600).");
    expect(errorOf('x1\u00a0+ x2', 2).message).toBe(
      'Syntax error at position 3: unexpected U+00A0 (a no-break space).',
    );
    expect(errorOf('x1 +\u0000x2', 2).message).toBe('Syntax error at position 5: unexpected U+0000 (a NUL character).');
    expect(errorOf('x1 \u2212 x2', 2).message).toBe(
      'Syntax error at position 4: unexpected U+2212 (a minus sign, not the hyphen -).',
    );
  });
});
