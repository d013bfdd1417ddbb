/**
 * ConvRFM runs are kept like Deep RFM and lin-RFM runs: kept when they finish with their records and the
 * comparisons' points, stored compact (float32) and read back through the runs schema, opened again without
 * retraining; a file whose records do not fit the run's patch size is refused.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { jobFromParams } from '../../jobs/job';
import { presetParams } from '../../params/presets';
import type { ConvRecord, ConvSummary } from '../../protocol/convMessages';
import { useAppStore } from '../store';
import { keptSize } from './keptResults';
import { exportRuns, importRuns, ImportError } from './serialise';

const initial = useAppStore.getInitialState();
const s = () => useAppStore.getState();

const params = { ...presetParams('convrfm'), iters: 1 };
const f = 9; // 3 x 3 patches, one channel
const summary: ConvSummary = {
  image: { height: 6, width: 6, channels: 1 },
  patch: 3,
  features: f,
  positions: 16,
  kernel: 'gaussian',
  bandwidth: 1,
  nTrain: 20,
  nTest: 10,
  c: 2,
  probe: Float32Array.from({ length: 36 }, (_, i) => i / 36),
  probeLabel: '1',
  plain: { kernel: 'laplace', bandwidth: 10, convention: 'mean' },
  deep: null,
};
const record = (iteration: number): ConvRecord => ({
  iteration,
  f,
  M: Float64Array.from({ length: f * f }, (_, i) => (i % (f + 1) === 0 ? 1 + 0.1 * iteration : 0.01)),
  filters: Array.from({ length: f }, (_, k) => ({
    eigenvalue: 1 / (k + 1),
    values: Float64Array.from({ length: f }, (_, i) => (i === k ? 1 : 0)),
    sum: 1,
  })),
  trainMse: 0.1,
  testMse: 0.2 / (iteration + 1),
  trainAccuracy: 1,
  testAccuracy: [0.7, 0.8][iteration] ?? null,
  timings: { kernel: 1, solve: 2, predict: 0.5, agop: iteration === 0 ? 0 : 3 },
  backend: 'cpu',
  jitter: 0,
  solveResidual: 1e-7,
  numTensors: 12,
  responses: Float32Array.from({ length: 4 * 16 }, (_, i) => i / 64),
  responseShape: { count: 4, rows: 4, cols: 4 },
});

function playConv() {
  useAppStore.setState({ params });
  s().runRequested(s().runId + 1, jobFromParams(params), 2);
  s().convStarted(summary);
  s().convIterationCompleted(record(0));
  s().convIterationCompleted(record(1));
  s().convPointCompleted('plain', { iteration: 0, testAccuracy: 0.6, testMse: 0.3, trainAccuracy: 1 });
  s().convPointCompleted('plain', { iteration: 1, testAccuracy: null, testMse: null, trainAccuracy: null });
  s().runFinished();
}

describe('kept ConvRFM runs', () => {
  beforeEach(() => useAppStore.setState(initial, true));

  it('keeps a finished run with its records and comparisons, writes it to a file and opens it again', () => {
    playConv();
    expect(s().runs).toHaveLength(1);
    const [run] = importRuns(exportRuns(s().runs));
    expect(keptSize(run!)).toBe('1 iteration');
    useAppStore.setState({ ...initial, runs: [run!] }, true);
    s().openRun(run!.id);
    const r = s().results;
    if (r.kind !== 'convrfm') throw new Error(`opened as ${r.kind}`);
    expect(r.records.map((x) => [x.iteration, x.testAccuracy])).toEqual([
      [0, 0.7],
      [1, 0.8],
    ]);
    // float32 in the file, float64 again in memory (what the panels read).
    expect(r.records[1]!.M).toBeInstanceOf(Float64Array);
    expect(r.records[1]!.M[0]).toBeCloseTo(1.1, 6);
    expect(r.records[0]!.filters[2]!.values[2]).toBe(1);
    expect(r.lines.plain).toEqual([
      { iteration: 0, testAccuracy: 0.6, testMse: 0.3, trainAccuracy: 1 },
      { iteration: 1, testAccuracy: null, testMse: null, trainAccuracy: null },
    ]);
    expect(r.summary?.probeLabel).toBe('1');
  });

  it('refuses a file whose M does not have the run’s features per patch', () => {
    playConv();
    const file = JSON.parse(exportRuns(s().runs)) as { runs: { results: { summary: { features: number } } }[] };
    file.runs[0]!.results.summary.features = 8;
    expect(() => importRuns(JSON.stringify(file))).toThrow(ImportError);
    expect(() => importRuns(JSON.stringify(file))).toThrow(/features per patch/);
  });
});
