/**
 * NC1 and NC2 by layer on log scales (docs/deeprfm.md): with the AGOP, X_l, X_l M_l^(1/2) and the next
 * layer's features; without it, the control's X_l (dashed). Under them, the run's sentence (deepCaption.ts).
 */
import type { AppState } from '../../../store/store';
import { useAppStore } from '../../../store/store';
import { LineValues } from '../../a11y/StoreValues';
import { useLineChart } from '../../panels/useLineChart';
import { HowToRead } from '../../teach/HowToRead';
import { collapseCaption } from './deepCaption';
import { collapseChartData } from './deepChartData';
import { selectDeepLayers } from './deepSelectors';

const pick = (s: AppState) => ({ layers: selectDeepLayers(s) });
const toNc1 = ({ layers }: ReturnType<typeof pick>) => collapseChartData(layers, 'nc1');
const toNc2 = ({ layers }: ReturnType<typeof pick>) => collapseChartData(layers, 'nc2');

const NC1_CHART = {
  xLabel: 'layer',
  yLabel: 'NC1 = tr Σ_W / tr Σ_B',
  yScale: 'log',
  legend: true,
  testId: 'nc1-chart',
} as const;
const NC2_CHART = {
  xLabel: 'layer',
  yLabel: 'NC2 (distance to the simplex)',
  yScale: 'log',
  testId: 'nc2-chart',
} as const;

export function CollapsePanel() {
  const nc1Ref = useLineChart(NC1_CHART, pick, toNc1);
  const nc2Ref = useLineChart(NC2_CHART, pick, toNc2);
  const caption = useAppStore((s) => collapseCaption(selectDeepLayers(s), s.params.depth, s.status === 'finished'));
  return (
    <section className="panel wide" aria-label="neural collapse by layer">
      <header>
        <h3>Neural collapse by layer</h3>
      </header>
      <div className="chart-pair">
        <div ref={nc1Ref} className="chart" />
        <div ref={nc2Ref} className="chart" />
      </div>
      <p className="caption">
        <output aria-label="collapse finding" data-testid="collapse-caption">
          {caption}
        </output>
      </p>
      <HowToRead panel="collapse" />
      <LineValues label="NC1 by layer" testId="nc1-values" pick={pick} toData={toNc1} x="layer" />
      <LineValues label="NC2 by layer" testId="nc2-values" pick={pick} toData={toNc2} x="layer" />
    </section>
  );
}
