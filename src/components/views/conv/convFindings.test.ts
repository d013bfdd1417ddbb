/**
 * The ConvRFM captions say what the filters are from their values, and whether accuracy moved: present tense
 * while the run goes on, a verdict once it has finished, and "did not move" for a change under one test image.
 */
import { describe, expect, it } from 'vitest';
import type { ConvPoint, ConvRecord, ConvSummary } from '../../../protocol/convMessages';
import { accuracySentence, deepSentence, filterSentence, readFilters } from './convFindings';
import { accuracyChartData, featureMapImages, filterImages, finalAccuracies } from './convChartData';

const unit = (v: number[]) => {
  const norm = Math.hypot(...v);
  return Float64Array.from(v, (x) => x / norm);
};
const BLOB = unit([1, 1, 1, 1, 1.2, 1, 1, 1, 1]);
const HORIZONTAL = unit([1, 1, 1, 0, 0, 0, -1, -1, -1]);
const VERTICAL = unit([-1, 0, 1, -1, 0, 1, -1, 0, 1]);

function convRecord(iteration: number, testAccuracy: number, filters = [BLOB, HORIZONTAL, VERTICAL]): ConvRecord {
  return {
    iteration,
    f: 9,
    M: new Float64Array(81),
    filters: filters.map((values, k) => ({ eigenvalue: 2 - k * 0.25, values, sum: values.reduce((s, x) => s + x, 0) })),
    trainMse: 0,
    testMse: 0.03,
    trainAccuracy: 1,
    testAccuracy,
    timings: { kernel: 1, solve: 1, predict: 1, agop: 1 },
    backend: 'cpu',
    jitter: 0,
    solveResidual: 0,
    numTensors: 0,
    responses: new Float32Array(2 * 4 * 4).fill(0.5),
    responseShape: { count: 2, rows: 4, cols: 4 },
  };
}

const SUMMARY: ConvSummary = {
  image: { height: 6, width: 6, channels: 1 },
  patch: 3,
  features: 9,
  positions: 16,
  kernel: 'gaussian',
  bandwidth: 1,
  nTrain: 300,
  nTest: 500,
  c: 10,
  probe: new Float32Array(36).fill(1),
  probeLabel: '7',
  plain: { kernel: 'laplace', bandwidth: 10, convention: 'mean' },
  deep: { filters: 4, shape: { height: 4, width: 4, channels: 4 } },
};

const point = (iteration: number, testAccuracy: number): ConvPoint => ({
  iteration,
  testAccuracy,
  testMse: 0.03,
  trainAccuracy: 1,
});
const NO_LINES = { plain: [], deepLearned: [], deepIdentity: [] };

describe('the filters caption', () => {
  it('reads a blob and a horizontal and a vertical edge from the filter values', () => {
    expect(readFilters(convRecord(2, 0.9), SUMMARY).map((r) => r.words)).toEqual([
      'a blob',
      'a horizontal edge',
      'a vertical edge',
    ]);
  });

  it('is in the present tense while running and a verdict once finished', () => {
    const record = convRecord(3, 0.9);
    expect(filterSentence(record, SUMMARY, false)).toMatch(
      /^At iteration 3 M’s top eigenvectors are a blob and oriented edges, like the first layer of a CNN: 1: a blob \(eigenvalue 2\.00/,
    );
    expect(filterSentence(record, SUMMARY, true)).toMatch(
      /^After 3 updates M’s top eigenvectors became a blob and oriented edges/,
    );
  });

  it('says M = I at iteration 0 and no edges when there are none', () => {
    expect(filterSentence(convRecord(0, 0.9), SUMMARY, false)).toMatch(/M = I/);
    const pixels = [unit([0, 0, 0, 0, 1, 0, 0, 0, 0.1]), unit([1, 0, 0, 0, 0, 0, 0, 0, 0])];
    expect(filterSentence(convRecord(1, 0.9, pixels), SUMMARY, true)).toMatch(/became no blob and no edges/);
  });
});

describe('the accuracy caption', () => {
  const records = [convRecord(0, 0.894), convRecord(1, 0.896), convRecord(3, 0.902)];
  const lines = {
    plain: [point(0, 0.88), point(3, 0.852)],
    deepLearned: [point(3, 0.904)],
    deepIdentity: [point(3, 0.9)],
  };

  it('says how far the run has got while running', () => {
    expect(accuracySentence(records, lines, SUMMARY, false)).toBe(
      'Test accuracy is 89.4% with the fixed convolutional kernel (iteration 0) and 90.2% at iteration 3 so far. The plain RFM on the flattened pixels is at 85.2% (iteration 3).',
    );
  });

  it('gives a verdict against the fixed kernel and the plain RFM once finished', () => {
    expect(accuracySentence(records, lines, SUMMARY, true)).toBe(
      'ConvRFM’s test accuracy rose from 89.4% with the fixed convolutional kernel (iteration 0) to 90.2% after 3 updates. The plain RFM on the flattened pixels of the same images went from 88.0% to 85.2%, so ConvRFM ends above it.',
    );
  });

  it('calls a change of less than one test image no move', () => {
    const flat = [convRecord(0, 0.894), convRecord(2, 0.8941)];
    expect(accuracySentence(flat, NO_LINES, SUMMARY, true)).toMatch(/^ConvRFM’s test accuracy did not move/);
  });

  it('sets the second layer beside the first, with its control', () => {
    expect(deepSentence(records, lines, SUMMARY, true)).toBe(
      'Layer 2: 4 random filters drawn from N(0, M), ReLU, then ConvRFM on the 4 × 4 × 4 maps: 90.4% after 3 updates (layer 1: 90.2%); with filters from N(0, I), the control, 90.0%. It beats layer 1.',
    );
    expect(deepSentence(records, lines, { ...SUMMARY, deep: null }, true)).toBeNull();
  });
});

describe('the ConvRFM chart data', () => {
  it('draws ConvRFM, the plain RFM and both second layers, with iteration 0 marked as the fixed kernel', () => {
    const lines = { plain: [point(0, 0.88)], deepLearned: [point(0, 0.89)], deepIdentity: [] };
    const data = accuracyChartData([convRecord(0, 0.894), convRecord(1, 0.9)], lines);
    expect(data?.series.map((s) => [s.id, s.points.length])).toEqual([
      ['conv', 2],
      ['plain', 1],
      ['deepLearned', 1],
    ]);
    expect(data?.annotations?.[0]).toMatchObject({ x: 0, id: 'fixed' });
    expect(finalAccuracies([convRecord(0, 0.894), convRecord(1, 0.9)], lines).map((r) => [r.id, r.value])).toEqual([
      ['fixed', 0.894],
      ['conv', 0.9],
      ['plain', 0.88],
      ['deepLearned', 0.89],
    ]);
  });

  it('titles each filter image with its shape and eigenvalue, and the probe with its class', () => {
    const filters = filterImages(convRecord(1, 0.9), SUMMARY);
    expect(filters.panels.map((p) => p.title)).toEqual([
      '1: blob, λ = 2.00',
      '2: horizontal edge, λ = 1.75',
      '3: vertical edge, λ = 1.50',
    ]);
    const maps = featureMapImages(convRecord(1, 0.9), SUMMARY);
    expect(maps.panels.map((p) => [p.title, p.rows, p.cols])).toEqual([
      ['test image (7)', 6, 6],
      ['filter 1 (blob)', 4, 4],
      ['filter 2 (horizontal edge)', 4, 4],
    ]);
  });
});
