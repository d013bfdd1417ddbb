/**
 * The a-b block of M (how the model couples input a with input b) at the iteration the scrubber shows,
 * as a heatmap; for * and / the residues can be put in discrete-log order, where the block's structure
 * appears.
 */
import { useMatrixHeatmap } from '../../panels/useMatrixHeatmap';
import { abBlock, reorderMatrix } from '../../../core/analysis/grokking';
import { selectShownRecord } from '../../../store/selectors';
import { useAppStore, type AppState } from '../../../store/store';
import { cachedDiscreteLogOrder, selectModularLayout, usesDiscreteLog, type ModularLayout } from './grokkingSelectors';
import { HowToRead } from '../../teach/HowToRead';
import { MatrixValuesOf } from '../../a11y/StoreValues';
import { squareMatrix } from '../../a11y/matrixBlocks';

const pick = (s: AppState) => ({
  record: selectShownRecord(s),
  layout: selectModularLayout(s),
  logOrder: s.discreteLogOrder,
});

function toData({ record, layout, logOrder }: ReturnType<typeof pick>) {
  if (!record || !layout || record.d !== 2 * layout.p) return null;
  const { p } = layout;
  const block = abBlock(record.M, p);
  const order = logOrder && usesDiscreteLog(layout.op) ? cachedDiscreteLogOrder(p) : null;
  return {
    values: order ? reorderMatrix(block, p, order) : block,
    d: p,
    labels: Array.from(order ?? Array.from({ length: p }, (_, k) => k), String),
    hideDiagonal: false,
    title: `M[a, b] at iteration ${record.iteration}${order ? ', discrete-log order' : ''} (rows a, columns b)`,
  };
}

/** The same block as a table (a 61 x 61 block is shown 16 x 16 entries at a time). */
function toMatrices(picked: ReturnType<typeof pick>) {
  const data = toData(picked);
  return data ? [squareMatrix('ab', data, { row: (a) => `a = ${a}`, col: (b) => `b = ${b}`, corner: 'a \\ b' })] : null;
}

function caption(layout: ModularLayout | null, logOrder: boolean): string {
  if (!layout) return 'Rows are the residue a, columns the residue b.';
  const g = usesDiscreteLog(layout.op) ? cachedDiscreteLogOrder(layout.p)[2] : undefined;
  switch (layout.op) {
    case '+':
      return 'Rows are a, columns b. As test accuracy jumps, the block becomes circulant: each diagonal (fixed b − a) has one colour.';
    case '-':
      return 'Rows are a, columns b. As test accuracy jumps, the block becomes constant along its anti-diagonals (fixed a + b): circulant once b is negated, since a − b = a + (−b).';
    default:
      return logOrder
        ? `Residues in the order 0, 1, ${g}, ${g}², … (powers of the primitive root ${g} mod ${layout.p}), where multiplication becomes addition of exponents: the block shows stripes along its ${layout.op === '*' ? 'diagonals' : 'anti-diagonals'}, as for ${layout.op === '*' ? '+' : '−'}. Row and column 0 stand apart.`
        : 'In the natural order 0, 1, 2, … the block looks like noise. Order the residues by discrete log to see its structure.';
  }
}

export function AbBlockPanel() {
  const { ref, hover } = useMatrixHeatmap(pick, toData, {
    maxSide: 420,
    entryName: (cell) => `M[a${cell.rowLabel}, b${cell.colLabel}]`,
  });
  const layout = useAppStore(selectModularLayout);
  const logOrder = useAppStore((s) => s.discreteLogOrder);
  const setDiscreteLogOrder = useAppStore((s) => s.setDiscreteLogOrder);
  const canReorder = layout !== null && usesDiscreteLog(layout.op);
  return (
    <section className="panel" aria-label="a-b block of M">
      <header>
        <h3>The a-b block of M</h3>
        <label
          className="toggle small"
          title={
            canReorder
              ? 'Order residues 0, 1, g, g², … for a primitive root g'
              : 'Only * and / need it: + and − show their structure in the natural order'
          }
        >
          <input
            type="checkbox"
            data-testid="discrete-log-order"
            checked={canReorder && logOrder}
            disabled={!canReorder}
            onChange={(e) => setDiscreteLogOrder(e.target.checked)}
          />
          order residues by discrete log
        </label>
      </header>
      <div ref={ref} className="chart heatmap-host" />
      <p className="caption" data-testid="ab-block-caption">
        {hover ?? caption(layout, canReorder && logOrder)}
      </p>
      <HowToRead panel="ab" />
      <MatrixValuesOf label="a-b block" testId="ab-values" pick={pick} toMatrices={toMatrices} />
    </section>
  );
}
