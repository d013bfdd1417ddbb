/**
 * The lin-RFM phase transition as a d3 chart: observed share across, rank down, one cell per completion,
 * shaded by log10 of its final recovery error (dark = recovered) with the error written inside, and a
 * thick outline on the cells below the success threshold. Cells not run yet are blank. A dashed white
 * line marks the converged nuclear-norm baseline's boundary: in each rank's row, the left edge of the first
 * cell it recovers.
 *
 * Attributes for end-to-end tests:
 *   root  [data-testid="phase-grid"] data-cells (cells drawn), data-successes, data-nuclear-successes
 *   cell  rect[data-rank][data-observed][data-error][data-success]
 */
import * as d3 from 'd3';
import { formatValue } from './format';
import { joinLabelledCells } from './labelledCells';
import { containerWidth, observeWidth } from './observeWidth';
import './theme.css';

export interface PhaseGridData {
  ranks: readonly number[];
  observed: readonly number[];
  threshold: number;
  cells: readonly {
    rank: number;
    observed: number;
    recoveryError: number;
    success: boolean;
    nuclearSuccess?: boolean;
  }[];
}

export interface PhaseGridChart {
  update(data: PhaseGridData): void;
  destroy(): void;
}

const MAX_CELL = 64;
const MARGIN = { left: 56, top: 30, right: 8, bottom: 8 };
/** log10 error from -4 (recovered) to 0 (nothing learnt) -> fill. */
const shade = (error: number) => {
  const t = Math.min(1, Math.max(0, -Math.log10(Math.max(error, 1e-12)) / 4));
  return d3.interpolateViridis(1 - t);
};

export function createPhaseGrid(node: HTMLElement): PhaseGridChart {
  const root = d3.select(node).append('div').attr('class', 'rfm-viz').attr('data-testid', 'phase-grid');
  const svg = root.append('svg').attr('role', 'img').attr('aria-label', 'Phase transition: no cells yet');
  const plot = svg.append('g').attr('transform', `translate(${MARGIN.left},${MARGIN.top})`);
  const cells = plot.append('g');
  const boundary = plot.append('g').attr('class', 'nuclear-boundary');
  const xLabels = plot.append('g');
  const yLabels = plot.append('g');
  const xTitle = svg.append('text').attr('class', 'rfm-viz-axis-label').attr('text-anchor', 'middle');
  const yTitle = svg.append('text').attr('class', 'rfm-viz-axis-label').attr('text-anchor', 'middle');
  let shown: PhaseGridData | null = null;
  let width = containerWidth(node);

  function render(): void {
    if (!shown) return;
    const { ranks, observed, cells: done } = shown;
    const cell = Math.max(16, Math.min(MAX_CELL, (width - MARGIN.left - MARGIN.right) / observed.length));
    const w = cell * observed.length;
    const h = cell * ranks.length;
    svg.attr('width', MARGIN.left + w + MARGIN.right).attr('height', MARGIN.top + h + MARGIN.bottom);
    const items = done.map((d) => ({ ...d, i: ranks.indexOf(d.rank), j: observed.indexOf(d.observed) }));
    const groups = joinLabelledCells(cells, items);
    groups
      .select('rect')
      .attr('x', (d) => d.j * cell + 1)
      .attr('y', (d) => d.i * cell + 1)
      .attr('width', cell - 2)
      .attr('height', cell - 2)
      .attr('fill', (d) => shade(d.recoveryError))
      .attr('stroke', (d) => (d.success ? '#d1242f' : 'none'))
      .attr('stroke-width', 2.5)
      .attr('data-rank', (d) => d.rank)
      .attr('data-observed', (d) => d.observed)
      .attr('data-error', (d) => d.recoveryError)
      .attr('data-success', (d) => String(d.success));
    groups
      .select('text')
      .attr('x', (d) => (d.j + 0.5) * cell)
      .attr('y', (d) => (d.i + 0.5) * cell)
      .style('font-size', `${Math.min(11, cell * 0.22)}px`)
      .style('fill', (d) => (d.recoveryError < 1e-2 ? '#24292f' : '#fff'))
      .text((d) => (cell >= 36 ? formatValue(d.recoveryError, 2) : ''));
    groups.select('title').text((d) => `rank ${d.rank}, ${d.observed} observed: error ${formatValue(d.recoveryError)}`);
    xLabels
      .selectAll('text')
      .data(observed)
      .join('text')
      .attr('class', 'tick-label')
      .attr('x', (_, j) => (j + 0.5) * cell)
      .attr('y', -6)
      .attr('text-anchor', 'middle')
      .style('font-size', '10px')
      .text((p) => `${Math.round(p * 100)}%`);
    yLabels
      .selectAll('text')
      .data(ranks)
      .join('text')
      .attr('class', 'tick-label')
      .attr('x', -6)
      .attr('y', (_, i) => (i + 0.5) * cell)
      .attr('dy', '0.35em')
      .attr('text-anchor', 'end')
      .style('font-size', '10px')
      .text((r) => String(r));
    xTitle
      .attr('x', MARGIN.left + w / 2)
      .attr('y', 10)
      .text('observed share');
    yTitle.attr('transform', `translate(14,${MARGIN.top + h / 2}) rotate(-90)`).text('rank');
    const firsts = ranks.flatMap((rank, i) => {
      const j = items.filter((d) => d.rank === rank && d.nuclearSuccess).reduce((a, d) => Math.min(a, d.j), Infinity);
      return Number.isFinite(j) ? [{ i, j }] : [];
    });
    boundary
      .selectAll('line')
      .data(firsts)
      .join('line')
      .attr('x1', (d) => d.j * cell)
      .attr('x2', (d) => d.j * cell)
      .attr('y1', (d) => d.i * cell)
      .attr('y2', (d) => (d.i + 1) * cell)
      .attr('stroke', '#fff')
      .attr('stroke-width', 3)
      .attr('stroke-dasharray', '4 3');
    const successes = done.filter((d) => d.success).length;
    const nuclearSuccesses = done.filter((d) => d.nuclearSuccess).length;
    root
      .attr('data-cells', done.length)
      .attr('data-successes', successes)
      .attr('data-nuclear-successes', nuclearSuccesses);
    svg.attr(
      'aria-label',
      `Phase transition: ${successes} of ${done.length} completions recovered (error below ${shown.threshold})`,
    );
  }

  const stop = observeWidth(node, (next) => {
    width = next;
    render();
  });
  return {
    update(data) {
      shown = data;
      render();
    },
    destroy() {
      stop();
      root.remove();
    },
  };
}
