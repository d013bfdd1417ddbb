/**
 * The class means' Gram matrix at the scrubbed layer beside the simplex it approaches: cosines of the
 * centred class means of X_l (NC2 is the mean squared difference), 1 on the diagonal and -1/(K-1) off it
 * for a simplex equiangular tight frame.
 */
import type { AppState } from '../../../store/store';
import { useAppStore } from '../../../store/store';
import { formatValue } from '../../../viz/format';
import { createMatrixImages } from '../../../viz/matrixImages';
import { MatrixValuesOf } from '../../a11y/StoreValues';
import { useChart } from '../../panels/useChart';
import { HowToRead } from '../../teach/HowToRead';
import { DeepLayerScrubber } from './DeepLayerScrubber';
import { simplexGap, simplexPanels } from './deepChartData';
import { agopLayers, selectDeepLayers, selectDeepSummary, selectShownDeepLayer } from './deepSelectors';

const pick = (s: AppState) => ({
  summary: selectDeepSummary(s),
  layer: agopLayers(selectDeepLayers(s))[selectShownDeepLayer(s)],
});

function toData({ summary, layer }: ReturnType<typeof pick>) {
  if (!summary || !layer) return null;
  return { panels: simplexPanels(layer, summary.classes, 'X'), bound: 1 };
}

function toMatrices(picked: ReturnType<typeof pick>) {
  const labels = picked.summary?.classLabels;
  return (
    toData(picked)?.panels.map((panel) => ({
      ...panel,
      corner: 'class \\ class',
      ...(labels ? { rowLabels: labels, colLabels: labels } : {}),
    })) ?? null
  );
}

export function SimplexPanel() {
  const ref = useChart((node) => createMatrixImages(node, { testId: 'deep-simplex' }), pick, toData);
  const gap = useAppStore((s) => {
    const { summary, layer } = pick(s);
    return summary && layer ? simplexGap(layer.record.meanCosines.X, summary.classes) : null;
  });
  return (
    <section className="panel" aria-label="class means against the simplex">
      <header>
        <h3>Class means against the simplex</h3>
      </header>
      <div ref={ref} className="chart" />
      <DeepLayerScrubber />
      <p className="caption">
        {gap === null ? (
          'No layers yet.'
        ) : (
          <>
            Mean distance of the off-diagonal cosines from the simplex:{' '}
            <output aria-label="distance to the simplex" data-testid="simplex-gap" data-value={gap}>
              {formatValue(gap, 2)}
            </output>
            .
          </>
        )}
      </p>
      <HowToRead panel="simplex" />
      <MatrixValuesOf
        label="class means and simplex"
        testId="deep-simplex-values"
        pick={pick}
        toMatrices={toMatrices}
      />
    </section>
  );
}
