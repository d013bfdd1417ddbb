/**
 * A line chart's data (viz/lineChart's LineChartData) as table data, so a chart's text alternative shows
 * exactly the points it draws: the same toData feeds the chart and the table. Pure, no DOM.
 *
 * Two shapes, as suits the chart:
 *   'byX'      one row per x (iteration, epoch, coordinate), one column per series: curves over time.
 *   'bySeries' one row per series, one column per x: spectra, one line per iteration over an index.
 */
import type { LineChartData } from '../../viz/lineChart';
import { formatTick, formatValue } from '../../viz/format';
import type { ValuesTableData } from './ValuesDetails';

export interface LineValuesOptions {
  /** The name of the x axis (the first column's header in 'byX'). */
  xLabel: string;
  layout: 'byX' | 'bySeries';
  /** 'bySeries': at most this many x columns, the first ones (default 12). */
  maxColumns?: number;
}

const cell = (y: number | undefined) => (y === undefined ? '–' : formatValue(y));

/** The distinct x of all series, ascending. */
function xValues(data: LineChartData): number[] {
  const xs = new Set<number>();
  for (const s of data.series) for (const p of s.points) xs.add(p.x);
  return Array.from(xs).sort((a, b) => a - b);
}

export function lineChartValues(
  data: LineChartData,
  { xLabel, layout, maxColumns = 12 }: LineValuesOptions,
): ValuesTableData {
  const series = data.series.filter((s) => s.points.length > 0);
  const byX = series.map((s) => new Map(s.points.map((p) => [p.x, p.y])));
  const xs = xValues({ series });
  if (layout === 'byX') {
    return {
      columns: [xLabel, ...series.map((s) => s.label)],
      rows: xs.map((x) => [formatTick(x), ...byX.map((m) => cell(m.get(x)))]),
    };
  }
  const shown = xs.slice(0, maxColumns);
  return {
    columns: [`${xLabel} →`, ...shown.map((x) => formatTick(x))],
    rows: series.map((s, k) => [s.label, ...shown.map((x) => cell(byX[k]!.get(x)))]),
    ...(shown.length < xs.length ? { note: `The first ${shown.length} of ${xs.length} values of each line.` } : {}),
  };
}
