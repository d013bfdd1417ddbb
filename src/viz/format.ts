/**
 * Number formatting for what the charts print: tooltips, legend ticks, timings. Pure, no DOM.
 *
 * Output uses the ASCII hyphen-minus (not d3's Unicode minus) so that what a person reads in a tooltip
 * is also what `parseFloat` reads in an end-to-end test.
 *
 *   formatValue(0.012345)   // '0.0123'
 *   formatValue(-0.0001234) // '-1.23e-4'
 *   formatValue(123456)     // '1.23e+5'
 *   formatMs(1234)          // '1.23 s'
 */

const SMALL = 1e-3;
const LARGE = 1e5;

/**
 * `v` rounded to `digits` significant digits (default 3), trailing zeros dropped. Exponent notation when
 * the rounded magnitude is below 1e-3 or at least 1e5; zero (also -0) prints as '0'.
 */
export function formatValue(v: number, digits = 3): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '-∞';
  if (v === 0) return '0';
  // Decide the notation on the rounded value, so 99999.7 (-> 1.00e+5) is not printed as '100000'.
  const rounded = Number(v.toPrecision(digits));
  const magnitude = Math.abs(rounded);
  if (magnitude < SMALL || magnitude >= LARGE) {
    return rounded.toExponential(digits - 1).replace(/\.?0+e/, 'e');
  }
  // Number() drops trailing zeros and avoids toPrecision's own switch to exponents (12345 -> '1.23e+4').
  return String(rounded);
}

/** A tick or axis number: integers as they are (iteration 3, eigenvalue index 120), others via formatValue. */
export function formatTick(v: number, digits = 3): string {
  return Number.isInteger(v) && Math.abs(v) < LARGE ? String(v) : formatValue(v, digits);
}

/**
 * A duration in milliseconds for a person: '0.42 ms', '4.2 ms', '315 ms', '1.23 s', '42.1 s', '2 min 05 s',
 * '1 h 02 min'. Non-finite or negative durations print as '—'.
 */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1) return `${ms === 0 ? 0 : Number(ms.toPrecision(2))} ms`;
  if (ms < 9.95) return `${ms.toFixed(1)} ms`;
  if (Math.round(ms) < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (Number(seconds.toPrecision(3)) < 60)
    return `${Number(seconds.toPrecision(3)).toFixed(seconds < 9.995 ? 2 : 1)} s`;
  const wholeSeconds = Math.round(seconds);
  if (wholeSeconds < 3600) {
    const minutes = Math.floor(wholeSeconds / 60);
    return `${minutes} min ${String(wholeSeconds % 60).padStart(2, '0')} s`;
  }
  const wholeMinutes = Math.round(seconds / 60);
  return `${Math.floor(wholeMinutes / 60)} h ${String(wholeMinutes % 60).padStart(2, '0')} min`;
}
