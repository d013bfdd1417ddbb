import { describe, expect, it } from 'vitest';
import { tallPanels } from './panelKinds';
import { iterationLines } from './recordSeries';

describe('tallPanels', () => {
  it('stands M two rows tall when three half-width panels would leave the third alone', () => {
    expect([...tallPanels(['heatmap', 'error', 'spectrum', 'table'])]).toEqual([0]);
  });

  it('leaves an even run of half-width panels in pairs', () => {
    expect([...tallPanels(['heatmap', 'error', 'spectrum', 'featureImportance', 'table'])]).toEqual([]);
  });

  it('counts runs between wide panels and only stretches M', () => {
    expect([...tallPanels(['heatmap', 'error', 'textFeatures', 'heatmap', 'error', 'spectrum'])]).toEqual([3]);
    expect([...tallPanels(['error', 'spectrum', 'confusion', 'table'])]).toEqual([]);
  });
});

describe('iterationLines', () => {
  it('draws one line per iteration over index 1, 2, ... labelled with the baseline at iteration 0', () => {
    const lines = iterationLines(
      [
        { t: 0, v: [3, 2] },
        { t: 1, v: [4, 1] },
      ],
      {
        iteration: (r) => r.t,
        values: (r) => r.v,
        planned: 2,
        baseline: 'M = I',
      },
    );
    expect(lines.map((l) => l.label)).toEqual(['iteration 0 (M = I)', 'iteration 1']);
    expect(lines[1]!.points).toEqual([
      { x: 1, y: 4 },
      { x: 2, y: 1 },
    ]);
    expect(lines[0]!.color).not.toBe(lines[1]!.color);
  });

  it('places points at x(i) when given (positions before the predicted character)', () => {
    const [line] = iterationLines([{ t: 2, v: [0.5, 0.5] }], {
      iteration: (r) => r.t,
      values: (r) => r.v,
      planned: 3,
      baseline: 'M = I',
      x: (i) => i - 2,
    });
    expect(line!.points.map((p) => p.x)).toEqual([-2, -1]);
  });
});
