/**
 * A horizontal bar chart of one number per feature, sorted from the largest down: here the diagonal of
 * M, how strongly the learned metric weighs each input. Only the top `maxBars` are drawn (a note says
 * how many were left out), so it stays readable for d in the hundreds.
 *
 * Attributes for end-to-end tests:
 *   root  [data-testid="feature-importance"] data-top (the first feature's name), data-count
 *   bar   g[data-feature][data-value], in drawing order
 *
 *   const bars = createFeatureBars(node, { maxBars: 20 });
 *   bars.update({ names: ['CRIM', 'ZN'], values: [0.1, 0.7] });
 *   bars.destroy();
 */
import * as d3 from 'd3';
import { formatValue } from '../../../viz/format';
import { containerWidth, observeWidth } from '../../../viz/observeWidth';
import '../../../viz/theme.css';

export interface FeatureBarsData {
  names: readonly string[];
  values: ArrayLike<number>;
}

export interface FeatureBars {
  update(data: FeatureBarsData): void;
  destroy(): void;
}

const BAR = 18;
const CHAR_PX = 6.2;
const MAX_LABEL_CHARS = 18;

/** Indices of `values` by value, largest first (NaN last); ties keep feature order. */
export function rankFeatures(values: ArrayLike<number>): number[] {
  const key = (i: number) => (Number.isFinite(values[i]!) ? values[i]! : -Infinity);
  return Array.from({ length: values.length }, (_, i) => i).sort((a, b) => key(b) - key(a) || a - b);
}

export function createFeatureBars(node: HTMLElement, { maxBars = 25 } = {}): FeatureBars {
  const root = d3
    .select(node)
    .append('div')
    .attr('class', 'rfm-viz rfm-feature-bars')
    .attr('data-testid', 'feature-importance');
  const svg = root.append('svg').attr('role', 'img').attr('aria-label', 'Diagonal of M by feature: no values yet');
  const bars = svg.append('g');
  const note = root.append('div').attr('class', 'rfm-viz-axis-label').style('font-size', '11px');
  let shown: FeatureBarsData | null = null;
  let width = containerWidth(node);

  function render(): void {
    if (!shown) return;
    const { names, values } = shown;
    const order = rankFeatures(values).slice(0, maxBars);
    const label = (i: number) => {
      const text = names[i] ?? `x${i + 1}`;
      return text.length > MAX_LABEL_CHARS ? `${text.slice(0, MAX_LABEL_CHARS - 1)}…` : text;
    };
    const labelWidth = Math.max(...order.map((i) => label(i).length), 2) * CHAR_PX + 8;
    const valueWidth = 52;
    const max = d3.max(order, (i) => Math.abs(values[i]!)) || 1;
    const x = d3
      .scaleLinear()
      .domain([0, max])
      .range([0, Math.max(40, width - labelWidth - valueWidth)]);
    svg.attr('width', width).attr('height', order.length * BAR + 4);
    svg.attr('aria-label', `Diagonal of M by feature, largest first: ${order.slice(0, 5).map(label).join(', ')}`);
    const rows = bars
      .selectAll<SVGGElement, number>('g')
      .data(order, (i) => String(i))
      .join((enter) => {
        const g = enter.append('g');
        g.append('text').attr('class', 'name').attr('text-anchor', 'end').attr('dy', '0.35em');
        g.append('rect')
          .attr('height', BAR - 5)
          .attr('rx', 2);
        g.append('text').attr('class', 'value').attr('dy', '0.35em');
        return g;
      });
    rows
      .attr('transform', (_, k) => `translate(0,${k * BAR + 2})`)
      .attr('data-feature', (i) => names[i] ?? `x${i + 1}`)
      .attr('data-value', (i) => values[i]!);
    rows
      .select('text.name')
      .attr('x', labelWidth - 6)
      .attr('y', (BAR - 5) / 2)
      .text(label);
    rows
      .select('rect')
      .attr('x', labelWidth)
      .attr('width', (i) => Math.max(0.5, x(Math.abs(values[i]!))))
      .attr('fill', (_, k) => (k < 3 ? '#e8710a' : '#f3b27a'));
    rows
      .select('text.value')
      .attr('x', (i) => labelWidth + x(Math.abs(values[i]!)) + 4)
      .attr('y', (BAR - 5) / 2)
      .text((i) => formatValue(values[i]!));
    const hidden = values.length - order.length;
    note.text(hidden > 0 ? `${hidden} smaller entries not shown.` : '');
    root.attr('data-top', order[0] === undefined ? '' : (names[order[0]] ?? '')).attr('data-count', values.length);
  }

  const stop = observeWidth(node, (next) => {
    width = next;
    render();
  });
  return {
    update(data) {
      shown = data;
      width = containerWidth(node);
      render();
    },
    destroy() {
      stop();
      root.remove();
      shown = null;
    },
  };
}
