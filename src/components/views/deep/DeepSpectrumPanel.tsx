/** M_l's eigenvalues, one line per layer (log scale), and the top ones of each layer in words. */
import { selectDarkTheme } from '../../../store/selectors';
import type { AppState } from '../../../store/store';
import { useAppStore } from '../../../store/store';
import { formatValue } from '../../../viz/format';
import { LineValues } from '../../a11y/StoreValues';
import { useLineChart } from '../../panels/useLineChart';
import { HowToRead } from '../../teach/HowToRead';
import { spectrumChartData, topEigenvalues } from './deepChartData';
import { selectDeepLayers } from './deepSelectors';

const pick = (s: AppState) => ({ layers: selectDeepLayers(s), depth: s.params.depth, dark: selectDarkTheme(s) });
const toData = ({ layers, depth, dark }: ReturnType<typeof pick>) => spectrumChartData(layers, depth, dark);
/** The table: the first 20 eigenvalues of every layer (the rest are in the run's JSON). */
const toTop = ({ layers }: ReturnType<typeof pick>) => ({
  series: topEigenvalues(layers, 20).map(({ layer, values }) => ({
    id: `layer${layer}`,
    label: `layer ${layer}`,
    points: values.map((y, i) => ({ x: i + 1, y })),
  })),
});

const CHART = {
  xLabel: 'index',
  yLabel: 'eigenvalue of M_l',
  yScale: 'log',
  xScale: 'log',
  testId: 'deep-spectrum-chart',
} as const;

export function DeepSpectrumPanel() {
  const ref = useLineChart(CHART, pick, toData);
  const top = useAppStore((s) =>
    topEigenvalues(selectDeepLayers(s), 3)
      .map(({ layer, values }) => `layer ${layer}: ${values.map((v) => formatValue(v, 3)).join(', ')}`)
      .join('; '),
  );
  return (
    <section className="panel" aria-label="spectrum of M by layer">
      <header>
        <h3>Spectrum of M_l by layer</h3>
      </header>
      <div ref={ref} className="chart" />
      <p className="caption" data-testid="deep-top-eigenvalues">
        {top ? `Top eigenvalues, ${top}.` : 'No layers yet.'}
      </p>
      <HowToRead panel="mspectrum" />
      <LineValues
        label="top 20 eigenvalues of M_l by layer"
        testId="deep-spectrum-values"
        pick={pick}
        toData={toTop}
        x="index"
        layout="bySeries"
      />
    </section>
  );
}
