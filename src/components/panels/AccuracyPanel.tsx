/**
 * Train and test accuracy by iteration on a linear axis, with one labelled marker (the baseline, or where
 * test accuracy jumps), for any classification run. Views choose the marker, headline and caption.
 */
import { useCallback, type ReactNode } from 'react';
import type { AppState } from '../../store/store';
import { createLineChart } from '../../viz/lineChart';
import { recordSeries } from './recordSeries';
import { useChart } from './useChart';
import { HowToRead } from '../teach/HowToRead';
import { AccuracyValues } from '../a11y/ChartValues';
import { selectRecords } from '../../store/selectors';

export interface AccuracyMarker {
  x: number;
  label: string;
}

/** The best iteration on the validation split, marked like the error chart's. */
function bestMarker(records: ReturnType<typeof selectRecords>) {
  const best = records.at(-1)?.bestIteration ?? null;
  return best !== null && best > 0 ? [{ x: best, label: 'best (validation)', id: 'best' }] : [];
}

export function AccuracyPanel({
  testId,
  marker,
  headline,
  caption,
}: {
  testId: string;
  /** A module-level selector: the marker to draw, or null. */
  marker: (s: AppState) => AccuracyMarker | null;
  headline?: ReactNode;
  caption?: ReactNode;
}) {
  // Primitives only, so the chart redraws when the records or the marker change, not on every store update.
  const pick = useCallback(
    (s: AppState) => {
      const m = marker(s);
      return { records: selectRecords(s), markerX: m?.x ?? null, markerLabel: m?.label ?? '' };
    },
    [marker],
  );
  const ref = useChart(
    (node) =>
      createLineChart(node, { xLabel: 'iteration', yLabel: 'accuracy', yScale: 'linear', legend: true, testId }),
    pick,
    ({ records, markerX, markerLabel }) => ({
      series: [
        recordSeries(records, 'test', 'test accuracy', (r) => r.testAccuracy),
        recordSeries(records, 'train', 'train accuracy', (r) => r.trainAccuracy, true),
      ],
      annotations: [...(markerX === null ? [] : [{ x: markerX, label: markerLabel }]), ...bestMarker(records)],
    }),
  );
  return (
    <section className="panel" aria-label="accuracy">
      <header>
        <h3>Accuracy by iteration</h3>
        {headline}
      </header>
      <div ref={ref} className="chart" />
      {caption && <p className="caption">{caption}</p>}
      <HowToRead panel="accuracy" />
      <AccuracyValues />
    </section>
  );
}
