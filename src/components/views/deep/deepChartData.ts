/**
 * The numbers behind the Deep RFM views, from the layers the worker reported (docs/deeprfm.md), kept apart
 * from React and d3 so they can be tested: NC1 or NC2 by layer as four lines (X_l, X_l M_l^(1/2), the next
 * layer's features, and the control's X_l), M_l's spectrum one line per layer, and the class means' cosines
 * beside the simplex they approach.
 */
import { simplexEntry } from '../../../core/deep/collapse';
import type { DeepStage } from '../../../core/deep/deepTypes';
import type { DeepLayerResult } from '../../../protocol/deepMessages';
import { iterationColor } from '../../../viz/colors';
import type { LineChartData, LineSeries } from '../../../viz/lineChart';
import type { MatrixImagePanel } from '../../../viz/matrixImages';
import { agopLayers, controlLayers } from './deepSelectors';

export type CollapseMeasure = 'nc1' | 'nc2';

const STAGE_LINES: { stage: DeepStage; id: string; label: string; dashed?: boolean }[] = [
  { stage: 'X', id: 'X', label: 'X_l (with the AGOP)' },
  { stage: 'sqrtM_X', id: 'sqrtM_X', label: 'X_l M_l^½' },
  { stage: 'next', id: 'next', label: 'next layer: ReLU(X_l M_l^½ W_lᵀ)' },
];

/** NC1 or NC2 by layer: the AGOP stack's three stages and the control's X_l (dashed). */
export function collapseChartData(layers: readonly DeepLayerResult[], measure: CollapseMeasure): LineChartData {
  const points = (items: readonly DeepLayerResult[], stage: DeepStage) =>
    items.map(({ record }) => ({ x: record.layer, y: record.collapse[stage][measure] }));
  const agop = agopLayers(layers);
  const series: LineSeries[] = STAGE_LINES.map(({ stage, id, label }) => ({ id, label, points: points(agop, stage) }));
  series.push({
    id: 'control',
    label: 'control: X_l without the AGOP (M = I)',
    points: points(controlLayers(layers), 'X'),
    dashed: true,
  });
  return { series };
}

/** M_l's eigenvalues (descending), one line per layer, light to dark; zeros leave the log axis. */
export function spectrumChartData(layers: readonly DeepLayerResult[], depth: number, dark = false): LineChartData {
  const series = agopLayers(layers).map(({ record }) => ({
    id: `layer${record.layer}`,
    label: `layer ${record.layer} (d = ${record.d})`,
    color: iterationColor(record.layer, Math.max(depth, record.layer), dark),
    points: Array.from(record.mEigenvalues ?? [], (y, i) => ({ x: i + 1, y })),
  }));
  return { series };
}

/** The largest `count` eigenvalues of each layer's M_l (the spectrum panel's sentence and table). */
export function topEigenvalues(
  layers: readonly DeepLayerResult[],
  count: number,
): { layer: number; values: number[] }[] {
  return agopLayers(layers).map(({ record }) => ({
    layer: record.layer,
    values: Array.from((record.mEigenvalues ?? new Float64Array()).subarray(0, count)),
  }));
}

/** The class means' cosines at one layer and stage, beside the simplex ETF (bound 1: cosines). */
export function simplexPanels(layer: DeepLayerResult, classes: number, stage: DeepStage): MatrixImagePanel[] {
  const simplex = Float64Array.from({ length: classes * classes }, (_, i) =>
    simplexEntry(Math.floor(i / classes), i % classes, classes),
  );
  const control = layer.record.stack === 'control' ? ' (control)' : '';
  return [
    {
      id: 'means',
      title: `cosines of the class means, layer ${layer.record.layer}${control}`,
      rows: classes,
      cols: classes,
      values: layer.record.meanCosines[stage],
      kind: 'values',
    },
    {
      id: 'simplex',
      title: `simplex: -1/(K-1) = ${(-1 / (classes - 1)).toFixed(3)} off the diagonal`,
      rows: classes,
      cols: classes,
      values: simplex,
      kind: 'values',
    },
  ];
}

/** Mean |U U^T - E| off the diagonal: how far the class means are from the simplex, in cosine units. */
export function simplexGap(cosines: ArrayLike<number>, classes: number): number {
  let sum = 0;
  for (let a = 0; a < classes; a++)
    for (let b = 0; b < classes; b++)
      if (a !== b) sum += Math.abs((cosines[a * classes + b] as number) - simplexEntry(a, b, classes));
  return sum / (classes * (classes - 1));
}
