/**
 * The predictor panel's wire types (docs/predictor.md): the page asks the worker to evaluate one iteration's
 * model on a grid through one or two input coordinates, and the worker answers with the values to draw and
 * the data points projected onto the same axes. The grid's predictions are computed in the worker only.
 */

/** What the page asks for: an iteration of the current run and the coordinates the grid varies (0-based). */
export interface PredictorRequest {
  iteration: number;
  /** One coordinate (a curve) or two (a surface, the first one horizontal). */
  axes: number[];
}

/** Data points projected onto the grid's axes. */
export interface PredictorPoints {
  /** [n, axes.length], row-major. */
  x: Float32Array;
  /** The drawn value of each point: the target (regression) or its class index (classification), [n]. */
  value: Float32Array;
  n: number;
}

/** One iteration's learned function on a grid, ready to draw. */
export interface PredictorView {
  iteration: number;
  /** The input dimension and the grid's coordinates, 0-based, with their names. */
  d: number;
  axes: number[];
  axisNames: string[];
  /** Each axis's grid values, ascending. */
  axisValues: Float32Array[];
  /**
   * The drawn value at each grid point (resolution^axes.length; with two axes the first varies fastest):
   * the prediction (regression, the first output) or the predicted class index (classification).
   */
  values: Float32Array;
  /** The true function on the same grid where the data source knows it (a target expression), else null. */
  truth: Float32Array | null;
  /** The value of every coordinate the grid does not vary: the training mean, [d]. */
  fixed: Float32Array;
  /** 'value': regression; 'class': one-hot classification, values are class indices. */
  task: 'value' | 'class';
  classLabels: string[] | null;
  train: PredictorPoints;
  test: PredictorPoints;
}

export type PredictorCommand = {
  type: 'evaluatePredictor';
  runId: number;
  requestId: number;
  request: PredictorRequest;
};

export type PredictorEvent = {
  type: 'predictorEvaluated';
  runId: number;
  requestId: number;
  view: PredictorView | null;
  /** Why there is no view (the run's models are gone, the data has no grid), or null. */
  message: string | null;
};

/** The buffers of a view, for postMessage's transfer list. */
export function predictorTransferables(view: PredictorView): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = [
    ...view.axisValues,
    view.values,
    view.fixed,
    view.train.x,
    view.train.value,
    view.test.x,
    view.test.value,
  ];
  if (view.truth) arrays.push(view.truth);
  return arrays.map((a) => a.buffer as ArrayBuffer);
}
