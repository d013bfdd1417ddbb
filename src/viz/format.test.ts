import { describe, expect, it } from 'vitest';
import { formatMs, formatTick, formatValue } from './format';

describe('formatValue', () => {
  it('rounds to three significant digits and drops trailing zeros', () => {
    expect(formatValue(0.012345)).toBe('0.0123');
    expect(formatValue(1.5)).toBe('1.5');
    expect(formatValue(123.456)).toBe('123');
    expect(formatValue(0.1)).toBe('0.1');
  });

  it('writes numbers from 1e3 up to 1e5 in full rather than as exponents', () => {
    expect(formatValue(12345)).toBe('12300');
    expect(formatValue(99900)).toBe('99900');
  });

  it('switches to exponent notation below 1e-3 and from 1e5 up', () => {
    expect(formatValue(0.0001234)).toBe('1.23e-4');
    expect(formatValue(123456)).toBe('1.23e+5');
    expect(formatValue(1e-12)).toBe('1e-12');
    expect(formatValue(2.5e7)).toBe('2.5e+7');
  });

  it('decides the notation on the rounded value, so 99999.7 reads as 1e+5', () => {
    expect(formatValue(99999.7)).toBe('1e+5');
    expect(formatValue(0.00099996)).toBe('0.001');
  });

  it('uses an ASCII minus so parseFloat reads what a person reads', () => {
    expect(formatValue(-0.5)).toBe('-0.5');
    expect(formatValue(-0.0001234)).toBe('-1.23e-4');
    expect(parseFloat(formatValue(-0.0001234))).toBeCloseTo(-0.000123, 9);
  });

  it('prints zero, negative zero and non-finite values plainly', () => {
    expect(formatValue(0)).toBe('0');
    expect(formatValue(-0)).toBe('0');
    expect(formatValue(NaN)).toBe('NaN');
    expect(formatValue(Infinity)).toBe('∞');
    expect(formatValue(-Infinity)).toBe('-∞');
  });

  it('takes another number of significant digits when asked', () => {
    expect(formatValue(Math.PI, 4)).toBe('3.142');
    expect(formatValue(0.000123456, 4)).toBe('1.235e-4');
  });
});

describe('formatTick', () => {
  it('prints integers as they are and other numbers like formatValue', () => {
    expect(formatTick(3)).toBe('3');
    expect(formatTick(120)).toBe('120');
    expect(formatTick(0.25)).toBe('0.25');
    expect(formatTick(1e6)).toBe('1e+6');
  });
});

describe('formatMs', () => {
  it('shows sub-millisecond and short durations in milliseconds', () => {
    expect(formatMs(0)).toBe('0 ms');
    expect(formatMs(0.4213)).toBe('0.42 ms');
    expect(formatMs(4.24)).toBe('4.2 ms');
    expect(formatMs(315.4)).toBe('315 ms');
  });

  it('moves to seconds once the rounded value reaches 1000 ms', () => {
    expect(formatMs(999.4)).toBe('999 ms');
    expect(formatMs(999.6)).toBe('1.00 s');
    expect(formatMs(1234)).toBe('1.23 s');
    expect(formatMs(42_130)).toBe('42.1 s');
  });

  it('shows minutes with zero-padded seconds, and hours with zero-padded minutes', () => {
    expect(formatMs(59_970)).toBe('1 min 00 s');
    expect(formatMs(125_000)).toBe('2 min 05 s');
    expect(formatMs(3_720_000)).toBe('1 h 02 min');
  });

  it('prints a dash for durations that are not durations', () => {
    expect(formatMs(NaN)).toBe('—');
    expect(formatMs(-5)).toBe('—');
    expect(formatMs(Infinity)).toBe('—');
  });
});
