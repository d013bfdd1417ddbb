/**
 * How the entries of M become colours: the three colour scales a person can choose. Pure (no DOM), so
 * the same numbers drive the cells, the legend and the tests.
 *
 * - linear: colour proportional to M_ij on [-bound, bound]. Faithful, but one large entry washes out the
 *   rest (in the seed demo M_22 is ~30x M_33, so x3 is nearly white).
 * - symlog: sign(v) log(1 + |v| / c), c = bound / 10^SYMLOG_DECADES (d3's scaleSymlog transform). Entries
 *   within SYMLOG_DECADES orders of magnitude of the largest stay visible; smaller ones fade to white.
 * - corr: the per-entry normalised matrix M_ij / sqrt(M_ii M_jj), a correlation on [-1, 1] whatever the
 *   size of the diagonal: it shows how coordinates vary together, not how much each counts.
 *
 *   const colours = colourValues(M, d, 'corr');       // the matrix the colours come from
 *   scalePosition(v, bound, 'symlog');                // where v sits on the colour scale, in [-1, 1]
 */
import * as d3 from 'd3';

export const MATRIX_SCALES = ['linear', 'symlog', 'corr'] as const;
export type MatrixScale = (typeof MATRIX_SCALES)[number];

/** Orders of magnitude below the largest entry that the symmetric log scale keeps visible. */
export const SYMLOG_DECADES = 3;

/** The symlog constant c for a colour domain [-bound, bound]. */
export function symlogConstant(bound: number): number {
  return bound / 10 ** SYMLOG_DECADES;
}

/**
 * Where v sits on the colour scale [-bound, bound] as a signed fraction in [-1, 1] (clamped). The
 * correlation scale is linear in the correlation; its bound is 1.
 */
export function scalePosition(v: number, bound: number, scale: MatrixScale): number {
  const b = bound > 0 && Number.isFinite(bound) ? bound : 1;
  let t: number;
  if (scale === 'symlog') {
    const c = symlogConstant(b);
    t = (Math.sign(v) * Math.log1p(Math.abs(v) / c)) / Math.log1p(b / c);
  } else {
    t = v / b;
  }
  return Math.max(-1, Math.min(1, t));
}

/**
 * The matrix whose entries are coloured: M itself, or for 'corr' M_ij / sqrt(M_ii M_jj) [d, d]
 * (NaN where a diagonal entry is not positive, drawn grey: the correlation is undefined there).
 */
export function colourValues(values: ArrayLike<number>, d: number, scale: MatrixScale): ArrayLike<number> {
  if (scale !== 'corr') return values;
  const out = new Float64Array(d * d);
  const root = Float64Array.from({ length: d }, (_, i) => {
    const v = values[i * d + i]!;
    return v > 0 ? Math.sqrt(v) : NaN;
  });
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) out[i * d + j] = values[i * d + j]! / (root[i]! * root[j]!);
  }
  return out;
}

/** A d3 scale from values on [-bound, bound] to [range0, range1], matching scalePosition (for legends). */
export function legendScale(bound: number, scale: MatrixScale, range: [number, number]) {
  if (scale === 'symlog') {
    return d3.scaleSymlog().constant(symlogConstant(bound)).domain([-bound, bound]).range(range);
  }
  return d3.scaleLinear().domain([-bound, bound]).range(range);
}

/** Legend ticks: the ends and zero, and on the log scale one tick per decade down to the constant. */
export function legendTicks(bound: number, scale: MatrixScale): number[] {
  if (scale !== 'symlog') return [-bound, 0, bound];
  const ticks = [0];
  for (let k = 0; k < SYMLOG_DECADES; k += 1) ticks.push(bound / 10 ** k, -bound / 10 ** k);
  return ticks.sort((a, b) => a - b);
}
