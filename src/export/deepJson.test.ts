/** A Deep RFM run exports from the page as the CLI's JSON (layers, control, summary) and as one CSV row per layer. */
import { describe, expect, it } from 'vitest';
import type { DeepLayerRecord } from '../core/deep/deepTypes';
import { presetParams } from '../params/presets';
import type { Results } from '../store/results';
import { exportable, resultsCsv, resultsJson } from './resultsExport';

const params = { ...presetParams('neural-collapse'), n: 30, depth: 2 };
const record = (stack: 'agop' | 'control', layer: number): DeepLayerRecord => ({
  stack,
  layer,
  d: layer === 1 ? 16 : 8,
  collapse: { X: { nc1: 1 / layer, nc2: 0.2 }, sqrtM_X: { nc1: 0.5, nc2: 0.1 }, next: { nc1: 0.25, nc2: 0.05 } },
  meanCosines: { X: new Float64Array(9), sqrtM_X: new Float64Array(9), next: new Float64Array(9) },
  mEigenvalues: stack === 'agop' ? Float64Array.from({ length: layer === 1 ? 16 : 8 }, (_, i) => 1 / (i + 1)) : null,
  ms: 12.4,
});
const results: Results = {
  kind: 'deep-rfm',
  job: { kind: 'deep-rfm' },
  summary: { n: 30, d: 16, classes: 3, classLabels: ['0', '1', '2'], depth: 2, width: 8, gramPoints: 6, classStarts: Int32Array.of(0, 2, 4, 6) }, // prettier-ignore
  layers: [record('agop', 1), record('agop', 2), record('control', 1), record('control', 2)].map((r) => ({
    record: r,
    gram: new Float32Array(36),
  })),
};

describe('a Deep RFM run’s export', () => {
  it('writes the CLI’s JSON: AGOP layers, the control’s (M = I: eigenvalues 1) and NC1 first and last', () => {
    expect(exportable(results)).toBe(true);
    expect(exportable({ ...results, layers: [] })).toBe(false);
    const json = resultsJson(results, { params, dataset: null, backend: 'cpu' }) as {
      kind: string;
      layers: { layer: number; nc1_X: number; M_eigenvalues: number[]; ms: number }[];
      control: { layers: { M_eigenvalues: number[] }[] };
      summary: { nc1_first: number; nc1_last_layer: number };
      data: { gram_per_class: number[] };
    };
    expect(json.kind).toBe('deep-rfm');
    expect(json.layers.map((l) => [l.layer, l.nc1_X, l.ms])).toEqual([
      [1, 1, 12],
      [2, 0.5, 12],
    ]);
    expect(json.layers[1]!.M_eigenvalues).toHaveLength(8);
    expect(json.control.layers[0]!.M_eigenvalues).toEqual(new Array(16).fill(1));
    expect(json.summary).toMatchObject({ nc1_first: 1, nc1_last_layer: 0.5 });
    expect(json.data.gram_per_class).toEqual([2, 2, 2]);
  });

  it('writes one CSV row per layer, AGOP stack then control', () => {
    const [header, ...rows] = resultsCsv(results).trim().split('\n');
    expect(header).toBe('stack,layer,d,nc1_X,nc1_sqrtM_X,nc1_next,nc2_X,nc2_sqrtM_X,nc2_next,ms');
    expect(rows.map((r) => r.split(',').slice(0, 2).join(' '))).toEqual(['agop 1', 'agop 2', 'control 1', 'control 2']);
  });
});
