/**
 * The confusion matrix as a d3 chart: rows are the true class, columns the predicted one, each cell
 * shaded by its share of its row (so a rare class reads as clearly as a common one) and labelled with
 * its count where the cells are large enough. Works from 2 classes (Iris) to ~60 (grokking, text):
 * class names are written on the axes only while they fit.
 *
 * Attributes for end-to-end tests:
 *   root  [data-testid="confusion-matrix"] data-c, data-total, data-correct
 *   cell  rect[data-true][data-predicted][data-count], its tooltip in a title inside it
 *   counts [data-testid="confusion-counts"] text, one per cell that shows its count
 *
 *   const chart = createConfusionMatrix(node);
 *   chart.update({ counts, c: 3, labels: ['setosa', 'versicolor', 'virginica'] });
 *   chart.destroy();
 */
import * as d3 from 'd3';
import { containerWidth, observeWidth } from './observeWidth';
import './theme.css';

export interface ConfusionData {
  /** counts[true * c + predicted], [c, c]. */
  counts: ArrayLike<number>;
  c: number;
  labels: readonly string[];
}

export interface ConfusionMatrixChart {
  update(data: ConfusionData): void;
  destroy(): void;
}

const MAX_CELL = 56;
const MAX_SIDE = 520;
/** Counts are written inside cells at least this large (px). */
const MIN_TEXT_CELL = 18;
/** Class names always go on the axes up to this many classes, and beyond while cells are this large (px). */
const MIN_NAMED = 12;
const MIN_NAMED_CELL = 10;
const CHAR_PX = 6.2;
const MAX_LABEL_CHARS = 14;

const truncate = (s: string) => (s.length > MAX_LABEL_CHARS ? `${s.slice(0, MAX_LABEL_CHARS - 1)}…` : s);

/** Share of the row in [0, 1] -> fill (cells above 60% take white text). */
const shade = (share: number) => d3.interpolateBlues(0.05 + 0.9 * share);

export function createConfusionMatrix(node: HTMLElement): ConfusionMatrixChart {
  const root = d3
    .select(node)
    .append('div')
    .attr('class', 'rfm-viz rfm-confusion')
    .attr('data-testid', 'confusion-matrix');
  const svg = root.append('svg').attr('role', 'img').attr('aria-label', 'Confusion matrix: no values yet');
  const plot = svg.append('g');
  const cells = plot.append('g');
  const countLayer = plot.append('g').attr('pointer-events', 'none').attr('data-testid', 'confusion-counts');
  const rowLabels = plot.append('g');
  const columnLabels = plot.append('g');
  const rowTitle = svg.append('text').attr('class', 'rfm-viz-axis-label').attr('text-anchor', 'middle');
  const columnTitle = svg.append('text').attr('class', 'rfm-viz-axis-label').attr('text-anchor', 'middle');
  let shown: ConfusionData | null = null;
  /** What the cells show now: their layout and values (render rewrites only what changed). */
  let drawn: { layoutKey: string; items: readonly { count: number; share: number }[] } = { layoutKey: '', items: [] };
  let width = containerWidth(node);

  function render(): void {
    if (!shown) return;
    const { counts, c, labels } = shown;
    const layout = (named: boolean) => {
      const longest = named ? Math.max(1, ...labels.map((l) => truncate(l).length)) : String(c).length;
      const marginLeft = 22 + longest * CHAR_PX + 6;
      const side = Math.max(40, Math.min(MAX_SIDE, c * MAX_CELL, width - marginLeft - 8));
      return { named, longest, marginLeft, side, cell: side / c };
    };
    // Every class is named while a 10px label fits its row; otherwise the axes get numbered ticks.
    const withNames = layout(true);
    const { named, longest, marginLeft, side, cell } =
      c <= MIN_NAMED || withNames.cell >= MIN_NAMED_CELL ? withNames : layout(false);
    // Column names stand upright when they are wider than their cells.
    const upright = named && longest * CHAR_PX > cell - 4;
    const marginTop = 22 + (upright ? longest * CHAR_PX : 12) + 4;
    svg.attr('width', marginLeft + side + 8).attr('height', marginTop + side + 6);
    plot.attr('transform', `translate(${marginLeft},${marginTop})`);

    const rowTotals = Array.from({ length: c }, (_, i) => {
      let total = 0;
      for (let j = 0; j < c; j++) total += counts[i * c + j]!;
      return total;
    });
    const items = Array.from({ length: c * c }, (_, k) => {
      const i = Math.floor(k / c);
      const j = k % c;
      const count = counts[k]!;
      return { i, j, count, share: rowTotals[i]! > 0 ? count / rowTotals[i]! : 0 };
    });
    const name = (k: number) => labels[k] ?? String(k);
    // One rect per cell with its tooltip inside, and a count only where the layout writes counts: with many
    // classes (61 for grokking: 3,721 cells) a group, a rect, an empty text and a title per cell made 14,884
    // elements, which every style recalculation, hit test and accessibility scan walked.
    const rects = cells
      .selectAll<SVGRectElement, (typeof items)[number]>('rect')
      .data(items)
      .join((enter) => {
        const rect = enter.append('rect');
        rect.append('title');
        return rect;
      });
    const counted = cell >= MIN_TEXT_CELL ? items.filter((d) => d.count > 0 || c <= 12) : [];
    const countTexts = countLayer
      .selectAll<SVGTextElement, (typeof items)[number]>('text')
      .data(counted, (d) => `${d.i},${d.j}`)
      .join((enter) => enter.append('text').attr('text-anchor', 'middle').attr('dy', '0.35em'));
    // Rewriting every attribute of every cell on each record kept the main thread busy for most of a run:
    // the geometry is written when the layout changes, the rest only for cells whose count or share changed.
    const layoutKey = `${c}|${cell}|${labels.join('\u0001')}`;
    const relaid = layoutKey !== drawn.layoutKey;
    if (relaid) {
      rects
        .attr('x', (d) => d.j * cell)
        .attr('y', (d) => d.i * cell)
        .attr('width', Math.max(cell - (cell > 6 ? 1 : 0), 0.5))
        .attr('height', Math.max(cell - (cell > 6 ? 1 : 0), 0.5))
        .attr('stroke', (d) => (d.i === d.j && cell > 6 ? '#555' : 'none'))
        .attr('stroke-width', 0.6)
        .attr('data-true', (d) => name(d.i))
        .attr('data-predicted', (d) => name(d.j));
    }
    const previous = drawn.items;
    const changed = rects.filter((d, k) => relaid || previous[k]?.count !== d.count || previous[k]?.share !== d.share);
    changed.attr('fill', (d) => (d.count === 0 ? '#f6f8fa' : shade(d.share))).attr('data-count', (d) => d.count);
    changed
      .select('title')
      .text(
        (d) =>
          `true ${name(d.i)}, predicted ${name(d.j)}: ${d.count}` +
          (rowTotals[d.i]! > 0 ? ` (${(100 * d.share).toFixed(1)}% of ${name(d.i)})` : ''),
      );
    countTexts
      .attr('x', (d) => (d.j + 0.5) * cell)
      .attr('y', (d) => (d.i + 0.5) * cell)
      .style('font-size', `${Math.min(12, cell * 0.45)}px`)
      .style('fill', (d) => (d.share > 0.6 ? '#fff' : '#24292f'))
      .text((d) => String(d.count));
    drawn = { layoutKey, items };

    const ticks = named ? d3.range(c) : d3.ticks(0, c - 1, Math.max(2, Math.floor(side / 40))).filter(Number.isInteger);
    rowLabels
      .selectAll('text')
      .data(ticks)
      .join('text')
      .attr('x', -5)
      .attr('y', (k) => (k + 0.5) * cell)
      .attr('dy', '0.35em')
      .attr('text-anchor', 'end')
      .attr('class', 'tick-label')
      .style('font-size', '10px')
      .text((k) => (named ? truncate(name(k)) : String(k)));
    columnLabels
      .selectAll('text')
      .data(ticks)
      .join('text')
      .attr('transform', (k) =>
        upright ? `translate(${(k + 0.5) * cell},-5) rotate(-90)` : `translate(${(k + 0.5) * cell},-5)`,
      )
      .attr('dy', upright ? '0.35em' : '0')
      .attr('text-anchor', upright ? 'start' : 'middle')
      .style('font-size', '10px')
      .text((k) => (named ? truncate(name(k)) : String(k)));
    rowTitle.attr('transform', `translate(10,${marginTop + side / 2}) rotate(-90)`).text('true class');
    columnTitle
      .attr('x', marginLeft + side / 2)
      .attr('y', 11)
      .text('predicted class');

    const total = rowTotals.reduce((a, b) => a + b, 0);
    let correct = 0;
    for (let k = 0; k < c; k++) correct += counts[k * c + k]!;
    root.attr('data-c', c).attr('data-total', total).attr('data-correct', correct);
    svg.attr('aria-label', `Confusion matrix, ${c} classes: ${correct} of ${total} test points on the diagonal`);
  }

  const stop = observeWidth(node, (next) => {
    width = next;
    render();
  });

  return {
    update(data) {
      if (!Number.isInteger(data.c) || data.c < 1) throw new Error(`invalid confusion matrix c: ${data.c}`);
      if (data.counts.length < data.c * data.c)
        throw new Error(`invalid confusion counts: length ${data.counts.length} < c * c = ${data.c * data.c}`);
      shown = data;
      render();
    },
    destroy() {
      stop();
      root.remove();
      shown = null;
    },
  };
}
