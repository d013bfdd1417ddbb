import { describe, expect, it } from 'vitest';
import { defaultParams } from '../params/schema';
import type { ConvPoint, ConvSummary } from '../protocol/convMessages';
import type { ConvIterationRecord } from '../core/conv/convTypes';
import { convRunCsv, convRunJson } from './convJson';

const unit = (v: number[]) => Float64Array.from(v, (x) => x / Math.hypot(...v));

function record(iteration: number, testAccuracy: number): ConvIterationRecord {
  const M = new Float64Array(9 * 9);
  for (let i = 0; i < 9; i++) M[i * 9 + i] = 1;
  return {
    iteration,
    f: 9,
    M,
    filters: [
      { eigenvalue: 1.6, values: unit([1, 1, 1, 1, 1, 1, 1, 1, 1]), sum: 3 },
      { eigenvalue: 1.4, values: unit([1, 1, 1, 0, 0, 0, -1, -1, -1]), sum: 0 },
    ],
    trainMse: 0.001,
    testMse: 0.03,
    trainAccuracy: 1,
    testAccuracy,
    timings: { kernel: 100, solve: 20, predict: 30, agop: 250 },
    backend: 'wasm',
    jitter: 0,
    solveResidual: 0,
    numTensors: 0,
  };
}

const summary: ConvSummary = {
  image: { height: 14, width: 14, channels: 1 },
  patch: 3,
  features: 9,
  positions: 144,
  kernel: 'gaussian',
  bandwidth: 1,
  nTrain: 300,
  nTest: 500,
  c: 10,
  probe: new Float32Array(196),
  probeLabel: '7',
  plain: { kernel: 'laplace', bandwidth: 10, convention: 'mean' },
  deep: { filters: 4, shape: { height: 12, width: 12, channels: 4 } },
};
const point = (iteration: number, testAccuracy: number): ConvPoint => ({
  iteration,
  testAccuracy,
  testMse: 0.03,
  trainAccuracy: 1,
});
const lines = { plain: [point(0, 0.88), point(1, 0.86)], deepLearned: [point(0, 0.9)], deepIdentity: [] };

describe("the app's ConvRFM export", () => {
  it('writes the JSON of rfm preset convrfm: filters by shape, the plain RFM and both second layers', () => {
    const json = convRunJson(
      { ...defaultParams(), preset: 'convrfm', iters: 1 },
      summary,
      [record(0, 0.894), record(1, 0.9)],
      lines,
      'wasm',
    );
    expect(json.iterations.map((i) => i.test_acc)).toEqual([0.894, 0.9]);
    expect(json.iterations[1]!.filters.map((f) => f.shape)).toEqual(['blob', 'edge (horizontal)']);
    expect(json.summary).toMatchObject({ fixed_kernel_test_acc: 0.894, final_test_acc: 0.9 });
    expect(json.plain_rfm.iterations.map((i) => i.test_acc)).toEqual([0.88, 0.86]);
    expect(json.deep_convrfm?.map((d) => d.iterations.length)).toEqual([1, 0]);
  });

  it('writes one CSV row per iteration, with the comparisons at the same iteration and blanks where none ran', () => {
    const csv = convRunCsv([record(0, 0.894), record(1, 0.9)], lines, summary)
      .trim()
      .split('\n');
    expect(csv[0]).toBe(
      'iteration,test_acc,test_mse,train_acc,train_mse,top_filters,plain_rfm_test_acc,layer2_test_acc,layer2_control_test_acc,total_ms',
    );
    expect(csv[1]).toBe('0,0.894,0.03,1,0.001,blob; edge (horizontal),0.88,0.9,,400');
    expect(csv[2]).toBe('1,0.9,0.03,1,0.001,blob; edge (horizontal),0.86,,,400');
  });
});
