/**
 * The predictor panel's words and numbers, as pure functions of the worker's view (docs/predictor.md): the
 * "Show values" table (every grid point, exactly what the chart draws) and the caption under the chart.
 */
import type { PredictorView } from '../../../protocol/predictorMessages';
import { formatValue } from '../../../viz/format';
import type { ValuesTableData } from '../../a11y/ValuesDetails';

const num = (v: number) => (Number.isFinite(v) ? formatValue(v, 4) : '–');

/** One row per grid point: its coordinates, the learned value (or class) and the true f where known. */
export function predictorValues(view: PredictorView): ValuesTableData {
  const classes = view.task === 'class';
  const value = (v: number) => (classes ? (view.classLabels?.[v] ?? String(v)) : num(v));
  const [xs, ys] = view.axisValues;
  const res = xs!.length;
  const columns = [...view.axisNames, classes ? 'predicted class' : 'learned f', ...(view.truth ? ['true f'] : [])];
  const rows = Array.from({ length: view.values.length }, (_, r) => [
    num(xs![r % res]!),
    ...(ys ? [num(ys[Math.floor(r / res)]!)] : []),
    value(view.values[r]!),
    ...(view.truth ? [num(view.truth[r]!)] : []),
  ]);
  const others = view.d - view.axes.length;
  return {
    columns,
    rows,
    ...(others > 0 ? { note: `The other ${others} coordinates are held at their training means.` } : {}),
  };
}

/** The caption under the chart: what is drawn, at which iteration, and where a slice is held. */
export function describePredictor(view: PredictorView): string {
  const [a, b] = view.axisNames;
  const fixed = view.d - view.axes.length;
  const slice =
    fixed > 0
      ? ` A slice through ${a} and ${b}: the other ${fixed} coordinate${fixed === 1 ? ' is' : 's are'} held at ${fixed === 1 ? 'its' : 'their'} training mean${fixed === 1 ? '' : 's'}.`
      : '';
  if (view.axes.length === 1)
    return `Iteration ${view.iteration}: the learned f against ${a} over ${view.values.length} grid points, ${view.train.n} training points${view.truth ? ', and the true f dashed' : ''}.${slice}`;
  const what = view.task === 'class' ? 'the predicted class' : 'the learned f';
  return `Iteration ${view.iteration}: ${what} over ${a} (horizontal) and ${b} (vertical), ${view.train.n} training points on top.${slice}`;
}
