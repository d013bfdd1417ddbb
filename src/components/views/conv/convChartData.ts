/**
 * What the ConvRFM panels draw, from the run's results (docs/convrfm.md): M's top eigenvectors as q x q
 * images, the probe image beside its filter responses, the accuracy lines, and the same numbers as tables for
 * "Show values". Pure, no DOM, so tests build them from fixed records.
 */
import type { ConvLine, ConvPoint, ConvRecord, ConvSummary } from '../../../protocol/convMessages';
import type { MatrixSource } from '../../a11y/matrixBlocks';
import type { ValuesTableData } from '../../a11y/ValuesDetails';
import { formatValue } from '../../../viz/format';
import type { LineChartData, LineSeries } from '../../../viz/lineChart';
import type { MatrixImagePanel, MatrixImagesData } from '../../../viz/matrixImages';
import { readFilters } from './convFindings';

/** How many of M's eigenvectors the filters panel draws. */
export const FILTERS_SHOWN = 6;

/** The name of patch value l: 'r1c2' (row 1, column 2), with the channel when there are several ('r1c2k3'). */
export function patchLabels(q: number, channels: number): string[] {
  return Array.from({ length: q * q * channels }, (_, l) => {
    const pixel = Math.floor(l / channels);
    const place = `r${Math.floor(pixel / q) + 1}c${(pixel % q) + 1}`;
    return channels > 1 ? `${place}k${(l % channels) + 1}` : place;
  });
}

/** A filter's q x q plane, its channels summed (one plane as is). */
function plane(values: ArrayLike<number>, q: number, channels: number): Float64Array {
  const out = new Float64Array(q * q);
  for (let i = 0; i < q * q; i++)
    for (let k = 0; k < channels; k++) out[i] = out[i]! + (values[i * channels + k] as number);
  return out;
}

const boundOf = (values: ArrayLike<number>) => {
  let bound = 0;
  for (let i = 0; i < values.length; i++) bound = Math.max(bound, Math.abs(values[i]!));
  return bound || 1;
};

/** M's top eigenvectors as images, titled with their rank, shape and eigenvalue, on one shared colour scale. */
export function filterImages(record: ConvRecord, summary: ConvSummary): MatrixImagesData {
  const { patch: q, image } = summary;
  const count = Math.min(FILTERS_SHOWN, record.filters.length);
  const readings = readFilters(record, summary, count);
  const panels: MatrixImagePanel[] = record.filters.slice(0, count).map((filter, k) => ({
    id: `filter${k + 1}`,
    title: `${k + 1}: ${readings[k]!.shape.kind === 'edge' ? `${readings[k]!.shape.orientation} edge` : readings[k]!.shape.kind}, λ = ${filter.eigenvalue.toFixed(2)}`,
    rows: q,
    cols: q,
    values: plane(filter.values, q, image.channels),
    kind: 'values',
  }));
  return { panels, bound: Math.max(...panels.map((p) => boundOf(p.values))) };
}

/** The probe image (on its own scale) and each top filter's response map (on one shared scale). */
export function featureMapImages(record: ConvRecord, summary: ConvSummary): MatrixImagesData {
  const { height, width, channels } = summary.image;
  const { count, rows, cols } = record.responseShape;
  const readings = readFilters(record, summary, count);
  const probe: MatrixImagePanel = {
    id: 'probe',
    title: `test image${summary.probeLabel !== null ? ` (${summary.probeLabel})` : ''}`,
    rows: height,
    cols: width,
    values: channels === 1 ? summary.probe : channelMean(summary.probe, height * width, channels),
    kind: 'values',
    bound: boundOf(summary.probe),
  };
  const maps: MatrixImagePanel[] = Array.from({ length: count }, (_, k) => ({
    id: `map${k + 1}`,
    title: `filter ${k + 1} (${readings[k]?.words.replace(/^an? /, '') ?? ''})`,
    rows,
    cols,
    values: record.responses.subarray(k * rows * cols, (k + 1) * rows * cols),
    kind: 'values',
  }));
  return { panels: [probe, ...maps], bound: boundOf(record.responses) };
}

function channelMean(values: ArrayLike<number>, pixels: number, channels: number): Float32Array {
  const out = new Float32Array(pixels);
  for (let i = 0; i < pixels; i++) {
    let sum = 0;
    for (let k = 0; k < channels; k++) sum += values[i * channels + k] as number;
    out[i] = sum / channels;
  }
  return out;
}

/** The drawn images as tables for "Show values". */
export const imagesAsMatrices = (data: MatrixImagesData | null): MatrixSource[] | null =>
  data?.panels.map((p) => ({
    id: p.id,
    title: p.title,
    rows: p.rows,
    cols: p.cols,
    values: p.values,
    corner: 'row \\ column',
  })) ?? null;

/** One row per filter: its rank, eigenvalue, shape, sum and values (row-major). */
export function filterTable(record: ConvRecord | null, summary: ConvSummary | null): ValuesTableData | null {
  if (!record || !summary) return null;
  const readings = readFilters(record, summary, record.filters.length);
  return {
    columns: ['filter', 'eigenvalue', 'shape', 'sum', 'values (row-major)'],
    rows: record.filters.map((f, k) => [
      k + 1,
      formatValue(f.eigenvalue),
      readings[k]!.words,
      formatValue(f.sum),
      Array.from(f.values, (v) => v.toFixed(3)).join(' '),
    ]),
  };
}

export const LINE_LABELS: Record<ConvLine | 'conv', string> = {
  conv: 'ConvRFM (layer 1)',
  plain: 'plain RFM on the pixels',
  deepLearned: 'layer 2, filters from N(0, M)',
  deepIdentity: 'layer 2, filters from N(0, I)',
};

const pointsOf = (points: readonly Pick<ConvPoint, 'iteration' | 'testAccuracy'>[]) =>
  points.flatMap((p) => (p.testAccuracy === null ? [] : [{ x: p.iteration, y: p.testAccuracy }]));

/** Test accuracy by iteration: ConvRFM, the plain RFM and (with one) the second layer's two runs. */
export function accuracyChartData(
  records: readonly ConvRecord[],
  lines: Readonly<Record<ConvLine, readonly ConvPoint[]>>,
): LineChartData | null {
  if (records.length === 0) return null;
  const series: LineSeries[] = [
    { id: 'conv', label: LINE_LABELS.conv, points: pointsOf(records) },
    { id: 'plain', label: LINE_LABELS.plain, points: pointsOf(lines.plain), dashed: true },
  ];
  if (lines.deepLearned.length > 0)
    series.push({ id: 'deepLearned', label: LINE_LABELS.deepLearned, points: pointsOf(lines.deepLearned) });
  if (lines.deepIdentity.length > 0)
    series.push({
      id: 'deepIdentity',
      label: LINE_LABELS.deepIdentity,
      points: pointsOf(lines.deepIdentity),
      dashed: true,
    });
  return { series, annotations: [{ x: 0, label: 'fixed conv kernel (M = I)', id: 'fixed' }] };
}

/** The last test accuracy of each line (null while it has none): the figures under the chart. */
export function finalAccuracies(
  records: readonly ConvRecord[],
  lines: Readonly<Record<ConvLine, readonly ConvPoint[]>>,
): { id: ConvLine | 'conv' | 'fixed'; label: string; value: number | null; iteration: number | null }[] {
  const last = (points: readonly Pick<ConvPoint, 'iteration' | 'testAccuracy'>[]) => points.at(-1);
  const rows = [
    { id: 'fixed' as const, label: 'fixed conv kernel (iteration 0)', point: records[0] },
    { id: 'conv' as const, label: LINE_LABELS.conv, point: last(records) },
    { id: 'plain' as const, label: LINE_LABELS.plain, point: last(lines.plain) },
    { id: 'deepLearned' as const, label: LINE_LABELS.deepLearned, point: last(lines.deepLearned) },
    { id: 'deepIdentity' as const, label: LINE_LABELS.deepIdentity, point: last(lines.deepIdentity) },
  ];
  return rows
    .filter((r) => r.point !== undefined || r.id === 'conv' || r.id === 'fixed' || r.id === 'plain')
    .map((r) => ({
      id: r.id,
      label: r.label,
      value: r.point?.testAccuracy ?? null,
      iteration: r.point?.iteration ?? null,
    }));
}

/**
 * The median time of one ConvRFM iteration in ms (its kernel, solve and predictions plus the AGOP update that
 * made its M), over iterations 1..T; iteration 0 alone when there is no other yet. With the backend.
 */
export function iterationTime(records: readonly ConvRecord[]): { ms: number; backend: string; count: number } | null {
  const timed = records.length > 1 ? records.slice(1) : records;
  if (timed.length === 0) return null;
  const totals = timed
    .map((r) => r.timings.kernel + r.timings.solve + r.timings.predict + r.timings.agop)
    .sort((a, b) => a - b);
  return { ms: totals[Math.floor(totals.length / 2)]!, backend: timed[0]!.backend, count: timed.length };
}
