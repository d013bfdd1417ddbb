/** The Deep RFM views' numbers and sentence (deepChartData.ts, deepCaption.ts) from fixed layers. */
import { describe, expect, it } from 'vitest';
import type { DeepLayerRecord, DeepStack } from '../../../core/deep/deepTypes';
import type { DeepLayerResult } from '../../../protocol/deepMessages';
import { collapseCaption } from './deepCaption';
import { collapseChartData, simplexGap, simplexPanels, spectrumChartData, topEigenvalues } from './deepChartData';

/** A layer whose three stages have NC1 x, x / 10 and x / 5, NC2 a tenth of it. */
function layer(stack: DeepStack, l: number, nc1: number, classes = 3): DeepLayerResult {
  const m = (v: number) => ({ nc1: v, nc2: v / 10 });
  const cos = Float64Array.from({ length: classes * classes }, (_, i) => (i % (classes + 1) === 0 ? 1 : -0.4));
  const record: DeepLayerRecord = {
    stack,
    layer: l,
    d: 4,
    collapse: { X: m(nc1), sqrtM_X: m(nc1 / 10), next: m(nc1 / 5) },
    meanCosines: { X: cos, sqrtM_X: cos, next: cos },
    mEigenvalues: stack === 'agop' ? Float64Array.from([4 / l, 2 / l, 0, 0]) : null,
    ms: 1,
  };
  return { record, gram: new Float32Array(4) };
}

const AGOP = [3.87, 0.43, 0.2].map((v, i) => layer('agop', i + 1, v));
const CONTROL = [3.87, 4.6, 6.52].map((v, i) => layer('control', i + 1, v));

describe('collapseChartData', () => {
  it('draws X, X M^½ and the next layer of the AGOP stack and the control’s X, by layer', () => {
    const { series } = collapseChartData([...AGOP, ...CONTROL], 'nc1');
    expect(series.map((s) => s.id)).toEqual(['X', 'sqrtM_X', 'next', 'control']);
    expect(series[0]!.points).toEqual([
      { x: 1, y: 3.87 },
      { x: 2, y: 0.43 },
      { x: 3, y: 0.2 },
    ]);
    expect(series[1]!.points[0]!.y).toBeCloseTo(0.387, 12);
    expect(series[3]!.points.map((p) => p.y)).toEqual([3.87, 4.6, 6.52]);
    expect(series[3]!.dashed).toBe(true);
    expect(collapseChartData(AGOP, 'nc2').series[0]!.points[0]!.y).toBeCloseTo(0.387, 12);
  });
});

describe('the spectrum and the simplex', () => {
  it('draws one line per AGOP layer and lists each layer’s top eigenvalues', () => {
    const { series } = spectrumChartData([...AGOP, ...CONTROL], 3);
    expect(series.map((s) => s.label)).toEqual(['layer 1 (d = 4)', 'layer 2 (d = 4)', 'layer 3 (d = 4)']);
    expect(topEigenvalues(AGOP, 1)).toEqual([
      { layer: 1, values: [4] },
      { layer: 2, values: [2] },
      { layer: 3, values: [4 / 3] },
    ]);
  });

  it('sets the class means’ cosines beside the simplex and measures the gap off the diagonal', () => {
    const [means, simplex] = simplexPanels(AGOP[0]!, 3, 'X');
    expect(Array.from(simplex!.values)).toEqual([1, -0.5, -0.5, -0.5, 1, -0.5, -0.5, -0.5, 1]);
    expect(means!.values[1]).toBe(-0.4);
    expect(simplexGap(means!.values, 3)).toBeCloseTo(0.1, 12);
    expect(simplexGap(simplex!.values, 3)).toBe(0);
  });
});

describe('collapseCaption', () => {
  it('speaks in the present while the AGOP stack runs', () => {
    expect(collapseCaption([], 3, false)).toMatch(/layer by layer/);
    expect(collapseCaption(AGOP.slice(0, 2), 3, false)).toBe('NC1 is falling: 3.9 at layer 1, 0.43 at layer 2 of 3.');
  });

  it('gives the AGOP stack’s result while the control runs', () => {
    expect(collapseCaption(AGOP, 3, false)).toBe(
      'NC1 fell from 3.9 to 0.2 in 3 layers; the control without the AGOP runs next.',
    );
    expect(collapseCaption([...AGOP, ...CONTROL.slice(0, 2)], 3, false)).toBe(
      'NC1 fell from 3.9 to 0.2 in 3 layers; without the AGOP it is rising: 4.6 at layer 2.',
    );
  });

  it('gives the verdict when the run has finished', () => {
    expect(collapseCaption([...AGOP, ...CONTROL], 3, true)).toBe(
      'NC1 fell from 3.9 to 0.2 in 3 layers; without the AGOP it rose to 6.5. The AGOP collapses the classes (19x); random ReLU layers alone do not.',
    );
    const flat = [3.87, 3, 2].map((v, i) => layer('agop', i + 1, v));
    expect(collapseCaption([...flat, ...CONTROL], 3, true)).toMatch(/did not collapse the classes tenfold/);
  });
});
