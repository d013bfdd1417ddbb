/**
 * Two or more kept runs side by side: their test error (and accuracy) curves overlaid on one chart, a
 * table of the parameters that differ between them, and their final M on one colour scale.
 */
import { parameterDiff } from '../../store/runs/keptRun';
import { comparedRuns } from '../../store/runs/runSelectors';
import { useAppStore, type AppState } from '../../store/store';
import { createLineChart } from '../../viz/lineChart';
import { useChart } from '../panels/useChart';
import { CompareMatrices } from './CompareMatrices';
import { compareSeries, hasAccuracy } from './compareData';

const pick = (s: AppState) => ({ runs: s.runs, ids: s.compareIds });
const errorData = ({ runs, ids }: ReturnType<typeof pick>) => ({
  series: compareSeries(comparedRuns(runs, ids), 'testMse'),
});
const accuracyData = ({ runs, ids }: ReturnType<typeof pick>) => ({
  series: compareSeries(comparedRuns(runs, ids), 'testAccuracy'),
});

function ErrorOverlay() {
  const ref = useChart(
    (node) =>
      createLineChart(node, {
        xLabel: 'iteration',
        yLabel: 'test MSE',
        yScale: 'log',
        legend: true,
        testId: 'compare-error-chart',
      }),
    pick,
    errorData,
  );
  return <div ref={ref} className="chart" />;
}

function AccuracyOverlay() {
  const ref = useChart(
    (node) =>
      createLineChart(node, {
        xLabel: 'iteration',
        yLabel: 'test accuracy',
        yScale: 'linear',
        legend: true,
        testId: 'compare-accuracy-chart',
      }),
    pick,
    accuracyData,
  );
  return <div ref={ref} className="chart" />;
}

export function CompareView() {
  const runs = useAppStore((s) => s.runs);
  const ids = useAppStore((s) => s.compareIds);
  const compared = comparedRuns(runs, ids);
  if (compared.length < 2) return null;
  const diff = parameterDiff(compared);
  return (
    <section className="compare" aria-label="comparison">
      <h3>Comparing {compared.length} runs</h3>
      <div className="compare-charts">
        <ErrorOverlay />
        {hasAccuracy(compared) && <AccuracyOverlay />}
      </div>
      <table className="param-diff" aria-label="parameters that differ">
        <thead>
          <tr>
            <th scope="col">parameter</th>
            {compared.map((run) => (
              <th scope="col" key={run.id}>
                <span className="run-swatch" style={{ background: run.color }} aria-hidden="true" /> {run.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {diff.length === 0 ? (
            <tr>
              <td colSpan={compared.length + 1}>The runs have the same parameters.</td>
            </tr>
          ) : (
            diff.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                {row.values.map((value, k) => (
                  <td key={compared[k]!.id}>{value}</td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
      <CompareMatrices />
    </section>
  );
}
