/**
 * The AGOP tree as a d3 chart (docs/trees.md): split nodes from the root down, each labelled with its rows
 * and the feature its direction leans on most; under each leaf its M as a small heatmap, every leaf on one
 * colour scale (so leaves compare), with its training rows and test error. Leaves not yet trained show
 * their rows only. SVG; at d = 20 and 32 leaves it is ~13k cells.
 *
 * Attributes for end-to-end tests:
 *   root   [data-testid="tree-chart"] data-leaves, data-trained (leaves with an M), data-bound (colour domain)
 *   split  g[data-node][data-rows]
 *   leaf   g[data-leaf][data-rows][data-test-mse] ('' until trained)
 *
 *   const chart = createTreeChart(node);
 *   chart.update({ root, leafSizes, leaves: [{ M, d, testMse }, null, ...], featureNames });
 *   chart.destroy();
 */
import * as d3 from 'd3';
import { divergingColor } from './colors';
import { formatValue } from './format';
import { containerWidth, observeWidth } from './observeWidth';
import './theme.css';

/** A node of the tree as the chart needs it (core/tree's TreeNode has this shape and more). */
export type TreeNode =
  | {
      kind: 'split';
      id: number;
      depth: number;
      rows: number;
      direction: ArrayLike<number>;
      left: TreeNode;
      right: TreeNode;
    }
  | { kind: 'leaf'; id: number; depth: number; rows: number; leaf: number };

export interface TreeLeafView {
  /** The leaf's kept M, [d, d] row-major. */
  M: ArrayLike<number>;
  d: number;
  testMse: number | null;
  testAccuracy: number | null;
}

export interface TreeChartData {
  root: TreeNode;
  leafSizes: readonly number[];
  /** One per leaf, null until the leaf's RFM has finished. */
  leaves: readonly (TreeLeafView | null)[];
  featureNames: readonly string[];
}

export interface TreeChart {
  update(data: TreeChartData): void;
  destroy(): void;
}

const LEVEL = 46;
const TOP = 18;
const MAX_COLUMN = 110;
const MIN_COLUMN = 26;

/** The feature a split direction weighs most, e.g. 'x3 +0.71'. */
export function leadingFeature(direction: ArrayLike<number>, names: readonly string[]): string {
  let best = 0;
  for (let k = 1; k < direction.length; k++) if (Math.abs(direction[k]!) > Math.abs(direction[best]!)) best = k;
  const w = direction[best] ?? 0;
  return `${names[best] ?? `x${best + 1}`} ${w >= 0 ? '+' : ''}${w.toFixed(2)}`;
}

/** Largest |M_ij| over the trained leaves: the one colour domain [-bound, bound]. */
export function sharedBound(leaves: readonly (TreeLeafView | null)[]): number {
  let bound = 0;
  for (const leaf of leaves)
    if (leaf) for (let i = 0; i < leaf.M.length; i++) bound = Math.max(bound, Math.abs(leaf.M[i]!));
  return bound;
}

interface Placed {
  node: TreeNode;
  x: number;
  y: number;
}

/** Leaves evenly across, each split above the middle of its subtree's leaves. */
function place(root: TreeNode, column: number): { nodes: Placed[]; links: [Placed, Placed][] } {
  const nodes: Placed[] = [];
  const links: [Placed, Placed][] = [];
  const visit = (node: TreeNode): Placed => {
    if (node.kind === 'leaf') {
      const placed = { node, x: (node.leaf + 0.5) * column, y: TOP + node.depth * LEVEL };
      nodes.push(placed);
      return placed;
    }
    const left = visit(node.left);
    const right = visit(node.right);
    const placed = { node, x: (left.x + right.x) / 2, y: TOP + node.depth * LEVEL };
    nodes.push(placed);
    links.push([placed, left], [placed, right]);
    return placed;
  };
  visit(root);
  return { nodes, links };
}

export function createTreeChart(node: HTMLElement): TreeChart {
  const root = d3.select(node).append('div').attr('class', 'rfm-viz rfm-tree').attr('data-testid', 'tree-chart');
  const svg = root.append('svg').attr('role', 'img').attr('aria-label', 'AGOP tree: not grown yet');
  let shown: TreeChartData | null = null;

  const render = () => {
    svg.selectAll('*').remove();
    if (!shown) return;
    const { root: tree, leafSizes, leaves, featureNames } = shown;
    const count = leafSizes.length;
    const column = Math.max(MIN_COLUMN, Math.min(MAX_COLUMN, containerWidth(node) / count));
    const maxDepth = Math.max(0, ...place(tree, column).nodes.map((p) => p.node.depth));
    const { nodes, links } = place(tree, column);
    const side = Math.max(8, column - 6);
    const leafTop = TOP + maxDepth * LEVEL + 14;
    const width = column * count;
    const height = leafTop + side + 34;
    const bound = sharedBound(leaves);
    const trained = leaves.filter((leaf) => leaf !== null).length;
    root.attr('data-leaves', count).attr('data-trained', trained).attr('data-bound', bound);
    svg
      .attr('viewBox', `0 0 ${width} ${height}`)
      .attr('width', width)
      .attr('height', height)
      .attr(
        'aria-label',
        `AGOP tree: ${count} leaves of ${d3.min(leafSizes)}-${d3.max(leafSizes)} rows, ${trained} trained; ` +
          `each leaf's M on one colour scale (|M| up to ${formatValue(bound)})`,
      );
    svg
      .append('g')
      .attr('class', 'rfm-tree-links')
      .selectAll('line')
      .data(links)
      .join('line')
      .attr('x1', ([a]) => a.x)
      .attr('y1', ([a]) => a.y)
      .attr('x2', ([, b]) => b.x)
      .attr('y2', ([, b]) => (b.node.kind === 'leaf' ? leafTop : b.y))
      .attr('stroke', 'currentColor')
      .attr('stroke-opacity', 0.35);
    const splits = svg
      .append('g')
      .selectAll('g')
      .data(nodes.filter((p) => p.node.kind === 'split'))
      .join('g')
      .attr('data-node', (p) => p.node.id)
      .attr('data-rows', (p) => p.node.rows)
      .attr('transform', (p) => `translate(${p.x},${p.y})`);
    splits.append('circle').attr('r', 4).attr('fill', 'currentColor');
    splits
      .append('text')
      .attr('class', 'rfm-viz-tick')
      .attr('text-anchor', 'middle')
      .attr('y', -7)
      .text((p) =>
        p.node.kind === 'split' && column * 2 ** (maxDepth - p.node.depth) > 70
          ? `${p.node.rows} · ${leadingFeature(p.node.direction, featureNames)}`
          : '',
      );
    const leafGroups = svg
      .append('g')
      .selectAll('g')
      .data(nodes.filter((p) => p.node.kind === 'leaf'))
      .join('g')
      .attr('data-leaf', (p) => (p.node.kind === 'leaf' ? p.node.leaf : -1))
      .attr('data-rows', (p) => p.node.rows)
      .attr('data-test-mse', (p) => (p.node.kind === 'leaf' ? (leaves[p.node.leaf]?.testMse ?? '') : ''))
      .attr('transform', (p) => `translate(${p.x - side / 2},${leafTop})`);
    leafGroups.each(function (p) {
      const view = p.node.kind === 'leaf' ? leaves[p.node.leaf] : null;
      const g = d3.select(this);
      if (!view) {
        g.append('rect')
          .attr('width', side)
          .attr('height', side)
          .attr('fill', 'none')
          .attr('stroke', 'currentColor')
          .attr('stroke-dasharray', '2 2')
          .attr('stroke-opacity', 0.5);
      } else {
        const cell = side / view.d;
        const cells = Array.from({ length: view.d * view.d }, (_, k) => k);
        g.selectAll('rect')
          .data(cells)
          .join('rect')
          .attr('x', (k) => (k % view.d) * cell)
          .attr('y', (k) => Math.floor(k / view.d) * cell)
          .attr('width', cell)
          .attr('height', cell)
          .attr('fill', (k) => divergingColor(view.M[k]!, bound));
      }
      g.append('text')
        .attr('class', 'rfm-viz-tick')
        .attr('text-anchor', 'middle')
        .attr('x', side / 2)
        .attr('y', side + 12)
        .text(`n ${p.node.rows}`);
      g.append('text')
        .attr('class', 'rfm-viz-tick')
        .attr('text-anchor', 'middle')
        .attr('x', side / 2)
        .attr('y', side + 25)
        .text(
          view?.testMse != null
            ? column >= 60
              ? `test ${formatValue(view.testMse)}`
              : formatValue(view.testMse, 2)
            : '',
        );
    });
  };

  const stopObserving = observeWidth(node, render);
  return {
    update(data) {
      shown = data;
      render();
    },
    destroy() {
      stopObserving();
      root.remove();
    },
  };
}
