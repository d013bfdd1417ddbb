/**
 * The predictor panel's numbers (docs/predictor.md), computed where the model lives (the worker): each
 * iteration's model is kept on the CPU as the run goes (rfm.ts keepIteration), and on request one of them
 * is evaluated on a grid through one or two coordinates (the others at their training means), beside the
 * true function where the source knows it and the data points projected onto the same axes.
 */
import { predictWithSnapshot, type Dataset, type IterationSnapshot } from '../core';
import type { KernelFunction } from '../core/kernels/kernelRegistry';
import { PREDICTOR_RESOLUTION, buildPredictorGrid, projectPoints, shownValues } from '../core/predictorGrid';
import type { TargetFunction } from '../data/sources/registry';
import type { PredictorPoints, PredictorRequest, PredictorView } from '../protocol/predictorMessages';

/** Floats of alpha kept over a run's iterations; past it, later iterations are not kept (memory). */
const KEPT_FLOATS = 16 * 1024 * 1024;
/** Data points sent per split: more would only crowd the picture (a stride picks them evenly). */
export const MAX_DRAWN_POINTS = 2000;

/** The drawn value of row i of y [n, c]: the target, or the index of its largest entry for classes. */
function pointValue(y: Float32Array, i: number, c: number, classes: boolean): number {
  if (!classes) return y[i * c]!;
  let best = 0;
  for (let k = 1; k < c; k++) if (y[i * c + k]! > y[i * c + best]!) best = k;
  return best;
}

/** Points of one split projected on `axes`, at most MAX_DRAWN_POINTS of them. */
export function drawnPoints(
  x: Float32Array,
  y: Float32Array,
  n: number,
  data: Pick<Dataset, 'd' | 'c' | 'accuracy'>,
  axes: readonly number[],
): PredictorPoints {
  const stride = Math.max(1, Math.ceil(n / MAX_DRAWN_POINTS));
  const rows = Math.ceil(n / stride);
  const { d, c } = data;
  const picked = new Float32Array(rows * d);
  const value = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    picked.set(x.subarray(r * stride * d, (r * stride + 1) * d), r * d);
    value[r] = pointValue(y, r * stride, c, data.accuracy === 'argmax');
  }
  return { x: projectPoints(picked, rows, d, axes), value, n: rows };
}

export class PredictorSnapshots {
  private readonly snapshots = new Map<number, IterationSnapshot>();
  private keptFloats = 0;

  constructor(
    private readonly data: Dataset,
    private readonly kernel: KernelFunction,
    private readonly truth: TargetFunction | null,
  ) {}

  /** Keeps an iteration's model while the run's kept models stay under KEPT_FLOATS. */
  keep(snapshot: IterationSnapshot): void {
    const floats = snapshot.alpha.length + snapshot.m.length;
    if (this.keptFloats + floats > KEPT_FLOATS) return;
    this.keptFloats += floats;
    this.snapshots.set(snapshot.iteration, snapshot);
  }

  /** The view of `request`; throws with a sentence for the user when it cannot be drawn. */
  async evaluate(request: PredictorRequest): Promise<PredictorView> {
    const { data } = this;
    const snapshot = this.snapshots.get(request.iteration);
    if (!snapshot) throw new Error(`the model of iteration ${request.iteration} was not kept (the run is too large)`);
    const axes = request.axes;
    const resolution = axes.length === 1 ? PREDICTOR_RESOLUTION.curve : PREDICTOR_RESOLUTION.surface;
    const grid = buildPredictorGrid(
      { axes, resolution },
      { x: data.xTrain, n: data.nTrain },
      { x: data.xTest, n: data.nTest },
      data.d,
    );
    const classes = data.accuracy === 'argmax';
    const outputs = await predictWithSnapshot(this.kernel, snapshot, grid.inputs, grid.rows);
    const truth =
      this.truth && !classes
        ? Float32Array.from({ length: grid.rows }, (_, r) => this.truth!(grid.inputs, r * data.d))
        : null;
    const names = data.featureNames ?? Array.from({ length: data.d }, (_, i) => `x${i + 1}`);
    return {
      iteration: request.iteration,
      d: data.d,
      axes: [...axes],
      axisNames: axes.map((a) => names[a] ?? `x${a + 1}`),
      axisValues: grid.axisValues,
      values: shownValues(outputs, grid.rows, data.c, classes),
      truth,
      fixed: grid.fixed,
      task: classes ? 'class' : 'value',
      classLabels: data.classLabels ?? null,
      train: drawnPoints(data.xTrain, data.yTrain, data.nTrain, data, axes),
      test: drawnPoints(data.xTest, data.yTest, data.nTest, data, axes),
    };
  }
}
