/**
 * The sweep's result: final and best-iteration RFM test error, and the plain-kernel baseline, against the
 * swept value; the summary at the largest value; and the points, any of which shows its M when clicked.
 */
import type { MouseEvent } from 'react';
import { PARAMS } from '../../../params/schema';
import type { SweepSpec } from '../../../protocol/messages';
import { useAppStore, type AppState } from '../../../store/store';
import { createLineChart } from '../../../viz/lineChart';
import { useChart } from '../../panels/useChart';
import { nearestMarkerX } from './nearestMarker';
import { selectShownSweepIndex, selectSweepParam } from './sweepSelectors';
import { METRIC_LABEL, sweepChartData, sweepMetric, sweepXScale, type SweepMetric } from './sweepChartData';
import { SweepPointList } from './SweepPointList';
import { SweepSummaryLine } from './SweepSummaryLine';
import { HowToRead } from '../../teach/HowToRead';
import { SweepValues } from '../../a11y/ChartValues';
import { selectSweepPoints } from '../../../store/selectors';

const pick = (s: AppState) => ({
  points: selectSweepPoints(s),
  metric: sweepMetric(selectSweepPoints(s)),
  shown: selectShownSweepIndex(s),
});

const toData = ({ points, metric, shown }: ReturnType<typeof pick>) =>
  sweepChartData(points, metric, points[shown]?.value ?? null);

interface ChartProps {
  param: SweepSpec['param'];
  metric: SweepMetric;
  xScale: 'linear' | 'log';
}

/** The chart's axes are fixed when it is created: the panel re-creates it (by key) when they change. */
function SweepChart({ param, metric, xScale }: ChartProps) {
  const ref = useChart(
    (node) =>
      createLineChart(node, {
        xLabel: PARAMS[param].label,
        yLabel: METRIC_LABEL[metric],
        yScale: metric === 'mse' ? 'log' : 'linear',
        xScale,
        legend: true,
        testId: 'sweep-chart',
      }),
    pick,
    toData,
  );
  const selectSweepPoint = useAppStore((s) => s.selectSweepPoint);
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const x = nearestMarkerX(event.currentTarget, event.clientX);
    const index = selectSweepPoints(useAppStore.getState()).findIndex((p) => p.value === x);
    if (index >= 0) selectSweepPoint(index);
  };
  return <div ref={ref} className="chart sweep-chart" onClick={onClick} title="Click a point to see its M" />;
}

function caption(param: SweepSpec['param'], kernel: string): string {
  const baseline = `The baseline is the plain ${kernel} kernel (iteration 0, M = I) on the same data; the dashed line is RFM at its best iteration.`;
  switch (param) {
    case 'd':
      return `The scaling test: each point is a full run with d input coordinates, of which the target uses only a few. The plain kernel weighs every coordinate equally, so its test error climbs toward the variance of the target as d grows; RFM learns M, which concentrates on the coordinates that matter, and degrades much less. ${baseline}`;
    case 'n':
      return `Each point trains on n samples: with a learned M, RFM reaches a given error with far fewer samples than the plain kernel. ${baseline}`;
    default:
      return `Each point is a full run with a different ${PARAMS[param].label}. ${baseline}`;
  }
}

export function SweepChartPanel() {
  const param = useAppStore(selectSweepParam);
  const metric = useAppStore((s) => sweepMetric(selectSweepPoints(s)));
  const xScale = useAppStore((s) => sweepXScale(selectSweepParam(s), selectSweepPoints(s)));
  const kernel = useAppStore((s) => s.params.kernel);
  const count = useAppStore((s) => selectSweepPoints(s).length);
  const planned = useAppStore((s) => s.plannedRecords);
  return (
    <section className="panel wide sweep-panel" aria-label="sweep">
      <header>
        <h3>
          {METRIC_LABEL[metric]} against {PARAMS[param].label}
          <span className="muted">
            {' '}
            · {count}/{planned} points
          </span>
        </h3>
        <SweepSummaryLine />
      </header>
      <SweepChart key={`${param}-${metric}-${xScale}`} param={param} metric={metric} xScale={xScale} />
      <SweepPointList />
      <p className="caption" data-testid="sweep-caption">
        {count === 0 ? 'Each point appears when its run finishes. ' : ''}
        {caption(param, kernel)}
      </p>
      <HowToRead panel="sweep" />
      <SweepValues />
    </section>
  );
}
