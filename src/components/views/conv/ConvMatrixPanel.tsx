/**
 * ConvRFM's M (docs/convrfm.md) as a heatmap: f x f, one row and column per value of a q x q patch (row-major,
 * channels last), shared by every patch position. Scrubbed like the other ConvRFM views.
 */
import { useAppStore, type AppState } from '../../../store/store';
import { MatrixValuesOf } from '../../a11y/StoreValues';
import { useMatrixHeatmap } from '../../panels/useMatrixHeatmap';
import { HowToRead } from '../../teach/HowToRead';
import { patchLabels } from './convChartData';
import { ConvScrubber } from './ConvScrubber';
import { selectConvSummary, selectShownConvRecord } from './convSelectors';

const pick = (s: AppState) => ({
  record: selectShownConvRecord(s),
  summary: selectConvSummary(s),
  scale: s.view.mscale,
});

function toData({ record, summary, scale }: ReturnType<typeof pick>) {
  if (!record || !summary) return null;
  return {
    values: record.M,
    d: record.f,
    labels: patchLabels(summary.patch, summary.image.channels),
    hideDiagonal: false,
    scale,
    title: `M at iteration ${record.iteration} (${record.f} × ${record.f})`,
  };
}

const toMatrices = (picked: ReturnType<typeof pick>) => {
  const data = toData(picked);
  return data
    ? [
        {
          id: 'M',
          title: data.title,
          rows: data.d,
          cols: data.d,
          values: data.values,
          rowLabels: data.labels,
          colLabels: data.labels,
          corner: 'pixel \\ pixel',
        },
      ]
    : null;
};

export function ConvMatrixPanel() {
  const { ref, hover } = useMatrixHeatmap(pick, toData);
  const q = useAppStore((s) => selectConvSummary(s)?.patch ?? s.params.patch);
  return (
    <section className="panel" aria-label="patch feature matrix">
      <header>
        <h3>
          Patch feature matrix M ({q * q} × {q * q})
        </h3>
      </header>
      <div ref={ref} className="chart heatmap-host" />
      <ConvScrubber testId="conv-m-scrubber" />
      <p className="caption" data-testid="conv-m-caption">
        {hover ??
          `One row and column per pixel of a ${q} × ${q} patch (r1c1 is its top-left): one M for every patch position. Bright off-diagonal cells between neighbouring pixels are what the edge filters are made of.`}
      </p>
      <HowToRead panel="m" />
      <MatrixValuesOf label="patch feature matrix" testId="conv-m-values" pick={pick} toMatrices={toMatrices} />
    </section>
  );
}
