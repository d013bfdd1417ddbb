/**
 * The AGOP tree panel (docs/trees.md): the splits, each leaf's size, its M on one colour scale and its test
 * error (viz/treeChart.ts), with where the run is and the tree's test error over the leaves trained so far.
 * The chart redraws when the splits arrive and when a leaf finishes, not on every progress event.
 */
import type { ResultsOf } from '../../../store/results';
import { selectTree, treePosition } from '../../../store/treeSelectors';
import { useAppStore, type AppState } from '../../../store/store';
import { createTreeChart, type TreeChartData } from '../../../viz/treeChart';
import { formatMs, formatValue } from '../../../viz/format';
import { useChart } from '../../panels/useChart';
import { HowToRead } from '../../teach/HowToRead';

const pick = (s: AppState) => {
  const tree = selectTree(s);
  return { shape: tree?.shape ?? null, leaves: tree?.leaves ?? null, names: s.dataset?.featureNames ?? null };
};

function toData({ shape, leaves, names }: ReturnType<typeof pick>): TreeChartData | null {
  if (!shape || !leaves) return null;
  const byLeaf = new Map(leaves.map((leaf) => [leaf.leaf, leaf]));
  return {
    root: shape.root,
    leafSizes: shape.leafSizes,
    leaves: shape.leafSizes.map((_, i) => {
      const leaf = byLeaf.get(i);
      return leaf
        ? { M: leaf.kept.M, d: leaf.kept.d, testMse: leaf.kept.testMse, testAccuracy: leaf.kept.testAccuracy }
        : null;
    }),
    featureNames: names ?? [],
  };
}

/** One sentence on the tree so far: its shape, how many leaves are trained and the tree's test error. */
function describe(tree: ResultsOf<'tree'> | null, planned: number): string {
  if (!tree) return '';
  if (!tree.shape)
    return `Growing the splits (${treePosition(tree, planned)}): an RFM on a sample of each node finds its direction.`;
  const sizes = tree.shape.leafSizes;
  const parts = [
    `${sizes.length} leaves of ${Math.min(...sizes).toLocaleString('en-US')}–${Math.max(...sizes).toLocaleString('en-US')} training rows (depth ${tree.shape.depth}, splits grown in ${formatMs(tree.shape.growMs)}); ${tree.leaves.length} of ${sizes.length} trained.`,
  ];
  const kept = tree.summary?.kept;
  if (kept?.testMse != null) {
    const r2 = kept.testR2 != null ? `, R² ${formatValue(kept.testR2)}` : '';
    const acc = kept.testAccuracy != null ? `, accuracy ${(kept.testAccuracy * 100).toFixed(1)}%` : '';
    parts.push(`Tree test MSE ${formatValue(kept.testMse)}${r2}${acc} over the test points of the trained leaves.`);
  }
  // Iterations 1..T, each with its AGOP: what one RFM iteration costs over the leaves trained so far.
  const updates = tree.summary?.byIteration.filter((f) => f.iteration > 0) ?? [];
  if (updates.length > 0)
    parts.push(`One iteration over them: ${formatMs(updates.reduce((sum, f) => sum + f.ms, 0) / updates.length)}.`);
  return parts.join(' ');
}

export function TreePanel() {
  const ref = useChart(createTreeChart, pick, toData);
  const caption = useAppStore((s) => describe(selectTree(s), s.plannedRecords));
  const position = useAppStore((s) => {
    const tree = selectTree(s);
    return tree && (s.status === 'running' || s.status === 'starting') ? treePosition(tree, s.plannedRecords) : null;
  });
  return (
    <section className="panel" aria-label="AGOP tree">
      <header>
        <h3>AGOP tree{position ? ` · ${position}` : ''}</h3>
      </header>
      <div ref={ref} className="chart tree-host" />
      <p className="caption" data-testid="tree-caption">
        {caption}
      </p>
      <HowToRead panel="tree" />
    </section>
  );
}
