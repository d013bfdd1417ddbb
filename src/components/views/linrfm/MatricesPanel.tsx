/** The true matrix, the observed mask and the recovered W at the scrubbed iteration, side by side. */
import type { AppState } from '../../../store/store';
import { createMatrixImages } from '../../../viz/matrixImages';
import { useChart } from '../../panels/useChart';
import { LinRfmScrubber } from './LinRfmScrubber';
import { MatrixValuesOf } from '../../a11y/StoreValues';
import { selectShownLinRfmIndex } from './linrfmSelectors';
import { HowToRead } from '../../teach/HowToRead';
import { selectLinRfmRecords, selectLinRfmSummary } from '../../../store/selectors';

const pick = (s: AppState) => ({
  summary: selectLinRfmSummary(s),
  record: selectLinRfmRecords(s)[selectShownLinRfmIndex(s)],
});

function toData({ summary, record }: ReturnType<typeof pick>) {
  if (summary?.kind !== 'completion') return null;
  const { previewRows: rows, previewCols: cols } = summary;
  let bound = 0;
  for (const v of summary.truthPreview) bound = Math.max(bound, Math.abs(v));
  const thinned =
    rows < summary.rows || cols < summary.cols ? ` (shown on an evenly spaced ${rows} x ${cols} grid)` : '';
  const panels = [
    {
      id: 'truth',
      title: `true Y, rank ${summary.rank}${thinned}`,
      rows,
      cols,
      values: summary.truthPreview,
      kind: 'values' as const,
    },
    {
      id: 'mask',
      title: `observed entries (${summary.observedCount} of ${summary.rows * summary.cols})`,
      rows,
      cols,
      values: summary.maskPreview,
      kind: 'mask' as const,
    },
  ];
  if (record?.kind === 'completion')
    panels.push({
      id: 'recovered',
      title: `recovered W, iteration ${record.record.iteration}`,
      rows,
      cols,
      values: record.record.preview,
      kind: 'values' as const,
    });
  return { panels, bound };
}

/** The drawn matrices as tables: evenly spaced rows and columns of Y, the mask (1 = observed) and W. */
function toMatrices(picked: ReturnType<typeof pick>) {
  return toData(picked)?.panels.map((panel) => ({ ...panel, corner: 'row \\ column' })) ?? null;
}

export function MatricesPanel() {
  const ref = useChart((node) => createMatrixImages(node, { testId: 'linrfm-matrices' }), pick, toData);
  return (
    <section className="panel wide" aria-label="true, observed and recovered matrices">
      <header>
        <h3>Matrices</h3>
      </header>
      <div ref={ref} className="chart" />
      <LinRfmScrubber />
      <HowToRead panel="matrices" />
      <MatrixValuesOf label="matrices" testId="linrfm-matrices-values" pick={pick} toMatrices={toMatrices} />
    </section>
  );
}
