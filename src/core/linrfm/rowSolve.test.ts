/**
 * The two routes to a row's min-norm interpolation (rowSolve.ts) are the same linear algebra: the
 * Woodbury form must give the W of the direct Cholesky of M[O, O], and W must interpolate the observed
 * entries. Random truncated metric M = c I + V diag(g) V^T with a small c, as late in a run.
 */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../random';
import { orthonormalizeColumns } from './gramEigen';
import { emptySolution, planRowSolve, solveRowBlock } from './rowSolve';
import { densify, observedRows } from './sparsePlusLowRank';

function setup(c: number) {
  const random = createRandom(7);
  const m = 30;
  const n = 40;
  const K = 6;
  const V = Float64Array.from({ length: n * K }, () => random.normal());
  orthonormalizeColumns(V, n, K);
  const g = Float64Array.from({ length: K }, (_, j) => 10 ** -j);
  const mask = Uint8Array.from({ length: m * n }, () => (random.uniform() < 0.4 ? 1 : 0));
  const observed = Float64Array.from(mask, (o) => (o ? random.normal() : 0));
  return { metric: { n, c, V, g }, rows: observedRows(observed, mask, m, n), observed, mask, m, n };
}

function solve(mode: 'direct' | 'woodbury', c: number) {
  const { metric, rows } = setup(c);
  const plan = planRowSolve(metric, rows, mode);
  const W = emptySolution(plan, rows);
  solveRowBlock(plan, W, 0, rows.m);
  return densify(W);
}

describe('row solves', () => {
  for (const c of [1, 1e-3]) {
    it(`Woodbury and direct Cholesky agree (c = ${c})`, () => {
      const direct = solve('direct', c);
      const woodbury = solve('woodbury', c);
      let worst = 0;
      let scale = 0;
      for (let i = 0; i < direct.length; i++) {
        worst = Math.max(worst, Math.abs(direct[i]! - woodbury[i]!));
        scale = Math.max(scale, Math.abs(direct[i]!));
      }
      expect(worst / scale).toBeLessThan(1e-9);
    });
  }

  it('interpolates the observed entries and picks Woodbury when the basis is smaller than a row', () => {
    const { metric, rows, observed, mask } = setup(1e-2);
    const plan = planRowSolve(metric, rows);
    expect(plan.mode).toBe('woodbury');
    const W = emptySolution(plan, rows);
    solveRowBlock(plan, W, 0, rows.m);
    const dense = densify(W);
    mask.forEach((o, i) => o && expect(Math.abs(dense[i]! - observed[i]!)).toBeLessThan(1e-10));
  });
});
