/**
 * The predictor panel's numbers from the worker's side: each kept iteration evaluates to what the engine's
 * own model predicts, a ridgeless run passes through its training points, the true f comes from the
 * expression, and classes come out as class indices.
 */
import { expect, it } from 'vitest';
import {
  DEFAULT_RFM_OPTIONS,
  createKernel,
  predictWithSnapshot,
  trainRfm,
  type IterationSnapshot,
  type TrainedModel,
} from '../core';
import { describeEachBackend } from '../core/testing/backends';
import { buildPredictorGrid } from '../core/predictorGrid';
import { makeRegressionDataset } from '../data/sources/synthetic';
import { datasetFromParams, truthFromParams } from '../data/sources/registry';
import { defaultParams } from '../params/schema';
import { MAX_DRAWN_POINTS, PredictorSnapshots, drawnPoints } from './predictorView';

const data = makeRegressionDataset({
  expression: 'sin(3*x1)',
  d: 1,
  nTrain: 40,
  nTest: 30,
  distribution: 'uniform',
  noise: 0.3,
  seed: 4,
});
const options = {
  ...DEFAULT_RFM_OPTIONS,
  kernel: 'laplace' as const,
  bandwidth: 1,
  ridge: 0,
  iterations: 2,
  spectrumSize: 4,
};

async function train() {
  const kept: IterationSnapshot[] = [];
  let model: TrainedModel | null = null;
  for await (const record of trainRfm(data, options, {
    keepIteration: (s) => kept.push(s),
    retainModel: (m) => (model = m),
  }))
    void record;
  return { kept, model: model as unknown as TrainedModel };
}

describeEachBackend('the predictor view', () => {
  it('evaluates the last iteration exactly as the engine’s kept model predicts', async () => {
    const { kept, model } = await train();
    expect(kept.map((s) => s.iteration)).toEqual([0, 1, 2]);
    const kernel = createKernel('laplace', 1);
    const grid = buildPredictorGrid(
      { axes: [0], resolution: 50 },
      { x: data.xTrain, n: 40 },
      { x: data.xTest, n: 30 },
      1,
    );
    const fromSnapshot = await predictWithSnapshot(kernel, kept[2]!, grid.inputs, grid.rows);
    const fromModel = await model.predict(grid.inputs, grid.rows);
    model.dispose();
    for (let i = 0; i < grid.rows; i++) expect(fromSnapshot[i]).toBeCloseTo(fromModel[i]!, 4);
  });

  it('passes through the noisy training points with ridge 0 (interpolation)', async () => {
    const { kept, model } = await train();
    model.dispose();
    const atTraining = await predictWithSnapshot(createKernel('laplace', 1), kept[0]!, data.xTrain, data.nTrain);
    for (let i = 0; i < data.nTrain; i++) expect(atTraining[i]).toBeCloseTo(data.yTrain[i]!, 3);
  });

  it('draws the true f from the expression and the points of both splits', async () => {
    const { kept, model } = await train();
    model.dispose();
    const params = { ...defaultParams(), data: 'synthetic' as const, expr: 'sin(3*x1)', d: 1 };
    const snapshots = new PredictorSnapshots(data, createKernel('laplace', 1), truthFromParams(params));
    kept.forEach((s) => snapshots.keep(s));
    const view = await snapshots.evaluate({ iteration: 1, axes: [0] });
    expect(view.iteration).toBe(1);
    expect(view.values.length).toBe(view.axisValues[0]!.length);
    for (let r = 0; r < view.values.length; r += 17)
      expect(view.truth![r]).toBeCloseTo(Math.sin(3 * view.axisValues[0]![r]!), 5);
    expect(view.train.n).toBe(40);
    expect(view.test.n).toBe(30);
    expect(Array.from(view.train.value)).toEqual(Array.from(data.yTrain));
    await expect(snapshots.evaluate({ iteration: 7, axes: [0] })).rejects.toThrow(/iteration 7 was not kept/);
  });

  it('gives iris a decision surface of class indices over two chosen coordinates', async () => {
    const params = {
      ...defaultParams(),
      data: 'iris' as const,
      task: 'classification' as const,
      std: true,
      split: 0.3,
    };
    const iris = await datasetFromParams(params);
    const snapshots = new PredictorSnapshots(iris, createKernel('laplace', 10), truthFromParams(params));
    for await (const record of trainRfm(
      iris,
      { ...DEFAULT_RFM_OPTIONS, bandwidth: 10, iterations: 0, spectrumSize: 2 },
      {
        keepIteration: (s) => snapshots.keep(s),
      },
    ))
      void record;
    const view = await snapshots.evaluate({ iteration: 0, axes: [2, 3] });
    expect(view.task).toBe('class');
    expect(view.truth).toBeNull();
    expect(view.values.length).toBe(60 * 60);
    expect(new Set(view.values)).toEqual(new Set([0, 1, 2]));
    expect(view.axisNames).toEqual([iris.featureNames![2], iris.featureNames![3]]);
    // The fixed coordinates sit at the training means.
    const mean0 = iris.xTrain.filter((_, i) => i % 4 === 0).reduce((a, b) => a + b, 0) / iris.nTrain;
    expect(view.fixed[0]).toBeCloseTo(mean0, 4);
  });
});

it('sends at most MAX_DRAWN_POINTS points, picked evenly', () => {
  const n = MAX_DRAWN_POINTS * 2;
  const x = Float32Array.from({ length: n }, (_, i) => i);
  const points = drawnPoints(x, x, n, { d: 1, c: 1, accuracy: 'none' }, [0]);
  expect(points.n).toBe(MAX_DRAWN_POINTS);
  expect(points.x[1]).toBe(2);
  expect(points.value[2]).toBe(4);
});
