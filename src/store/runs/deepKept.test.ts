/**
 * Deep RFM runs are kept like sweeps and lin-RFM runs: kept when they finish, stored compact (float32) and
 * read back through the runs schema and opened again without retraining (their JSON and CSV: export/deepJson.test.ts);
 * a file whose layers do not fit its summary is refused.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { jobFromParams } from '../../jobs/job';
import { presetParams } from '../../params/presets';
import type { DeepLayerResult, DeepSummary } from '../../protocol/deepMessages';
import { useAppStore } from '../store';
import { keptSize } from './keptResults';
import { exportRuns, importRuns, ImportError } from './serialise';

const initial = useAppStore.getInitialState();
const s = () => useAppStore.getState();

const params = { ...presetParams('neural-collapse'), n: 30, depth: 2 };
const summary: DeepSummary = {
  n: 30,
  d: 16,
  classes: 3,
  classLabels: ['0', '1', '2'],
  depth: 2,
  width: 8,
  gramPoints: 6,
  classStarts: Int32Array.of(0, 2, 4, 6),
};
const layer = (stack: 'agop' | 'control', l: number): DeepLayerResult => {
  const cosines = () => Float64Array.from({ length: 9 }, (_, i) => (i % 4 === 0 ? 1 : -0.5 + 0.01 * l));
  return {
    record: {
      stack,
      layer: l,
      d: l === 1 ? 16 : 8,
      collapse: {
        X: { nc1: 1 / (l + 0.1), nc2: 0.2 },
        sqrtM_X: { nc1: 0.5, nc2: 0.1 },
        next: { nc1: 0.25, nc2: 0.05 },
      },
      meanCosines: { X: cosines(), sqrtM_X: cosines(), next: cosines() },
      mEigenvalues: stack === 'agop' ? Float64Array.from({ length: l === 1 ? 16 : 8 }, (_, i) => 1 / (i + 1)) : null,
      ms: 12.5,
    },
    gram: Float32Array.from({ length: 36 }, (_, i) => i / 36),
  };
};
const LAYERS = [layer('agop', 1), layer('agop', 2), layer('control', 1), layer('control', 2)];

function playDeep() {
  useAppStore.setState({ params });
  s().runRequested(s().runId + 1, jobFromParams(params), 4);
  s().deepStarted(summary);
  for (const l of LAYERS) s().deepLayerCompleted(l);
  s().runFinished();
}

describe('kept Deep RFM runs', () => {
  beforeEach(() => useAppStore.setState(initial, true));

  it('keeps a finished run with its layers, writes it to a runs file and opens it again as it was', () => {
    playDeep();
    expect(s().runs).toHaveLength(1);
    const [run] = importRuns(exportRuns(s().runs));
    expect(run?.results?.kind).toBe('deep-rfm');
    expect(keptSize(run!)).toBe('4 layers');
    useAppStore.setState({ ...initial, runs: [run!] }, true);
    s().openRun(run!.id);
    const r = s().results;
    if (r.kind !== 'deep-rfm') throw new Error(`opened as ${r.kind}`);
    expect(r.layers.map((l) => [l.record.stack, l.record.layer, l.record.collapse.X.nc1])).toEqual(
      LAYERS.map((l) => [l.record.stack, l.record.layer, l.record.collapse.X.nc1]),
    );
    // float32 in the file, float64 again in memory (what the panels read); the control's M stays null.
    expect(r.layers[1]!.record.meanCosines.X).toBeInstanceOf(Float64Array);
    expect(r.layers[1]!.record.meanCosines.X[1]).toBeCloseTo(-0.48, 6);
    expect(r.layers[2]!.record.mEigenvalues).toBeNull();
    expect(Array.from(r.summary!.classStarts)).toEqual([0, 2, 4, 6]);
  });

  it('refuses a file whose Gram matrix or class cosines do not fit its summary', () => {
    playDeep();
    const file = JSON.parse(exportRuns(s().runs)) as { runs: { results: { summary: { gramPoints: number } } }[] };
    file.runs[0]!.results.summary.gramPoints = 5;
    expect(() => importRuns(JSON.stringify(file))).toThrow(ImportError);
    expect(() => importRuns(JSON.stringify(file))).toThrow(/gram|classStarts/);
  });
});
