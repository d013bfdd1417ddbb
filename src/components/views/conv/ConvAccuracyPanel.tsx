/**
 * ConvRFM's test accuracy by iteration against iteration 0 (the fixed convolutional kernel), the plain RFM on
 * the flattened pixels of the same images and, with deep ConvRFM, the second layer on filters drawn from M and
 * from I (docs/convrfm.md); the figures under it and a caption from the run.
 */
import { useShallow } from 'zustand/react/shallow';
import { useAppStore, type AppState } from '../../../store/store';
import { LineValues } from '../../a11y/StoreValues';
import { useChart } from '../../panels/useChart';
import { HowToRead } from '../../teach/HowToRead';
import { createLineChart } from '../../../viz/lineChart';
import { accuracyChartData, finalAccuracies, iterationTime } from './convChartData';
import { KERNEL_NOTE, accuracySentence, deepSentence } from './convFindings';
import { selectConvFinished, selectConvLines, selectConvRecords, selectConvSummary } from './convSelectors';

const pick = (s: AppState) => ({ records: selectConvRecords(s), lines: selectConvLines(s) });
const toData = ({ records, lines }: ReturnType<typeof pick>) => accuracyChartData(records, lines);

const HOW_TO_READ =
  'Share of test images classified right, by iteration. Iteration 0 is the fixed convolutional kernel (M = I); ' +
  'ConvRFM’s line rising above it is what learning M over patches bought. The dashed line is the plain RFM on the ' +
  'flattened pixels of the same images; with deep ConvRFM, layer 2 trains on ReLU maps of random filters drawn ' +
  'from N(0, M), and its dashed twin draws them from N(0, I), the control.';

const percent = (v: number | null) => (v === null ? '…' : `${(v * 100).toFixed(1)}%`);

export function ConvAccuracyPanel() {
  const ref = useChart(
    (node) =>
      createLineChart(node, {
        xLabel: 'iteration',
        yLabel: 'test accuracy',
        yScale: 'linear',
        legend: true,
        testId: 'conv-accuracy-chart',
      }),
    pick,
    toData,
  );
  const { records, lines } = useAppStore(useShallow(pick));
  const summary = useAppStore(selectConvSummary);
  const finished = useAppStore(selectConvFinished);
  const deep = deepSentence(records, lines, summary, finished);
  const time = iterationTime(records);
  return (
    <section className="panel" aria-label="ConvRFM accuracy">
      <header>
        <h3>Test accuracy by iteration</h3>
      </header>
      <div ref={ref} className="chart" />
      <dl className="conv-figures" aria-label="test accuracy" data-testid="conv-accuracy-figures">
        {finalAccuracies(records, lines).map((row) => (
          <div key={row.id} data-line={row.id}>
            <dt>{row.label}</dt>
            <dd data-testid={`conv-accuracy-${row.id}`}>
              {percent(row.value)}
              {row.iteration !== null && row.id !== 'fixed' ? ` (iteration ${row.iteration})` : ''}
            </dd>
          </div>
        ))}
      </dl>
      <p className="caption" data-testid="conv-accuracy-caption" aria-live="polite">
        {accuracySentence(records, lines, summary, finished)}
      </p>
      {deep && (
        <p className="caption" data-testid="conv-deep-caption">
          {deep}
        </p>
      )}
      {time && (
        <p
          className="caption"
          data-testid="conv-iteration-time"
          data-ms={time.ms.toFixed(0)}
          data-backend={time.backend}
        >
          One ConvRFM iteration (kernel, solve, predictions and the AGOP update) took {(time.ms / 1000).toFixed(2)} s on
          the {time.backend} backend ({time.count > 1 ? `median of ${time.count} iterations` : 'iteration 0'}).
        </p>
      )}
      <p className="caption" data-testid="conv-kernel-note">
        {KERNEL_NOTE}
      </p>
      <HowToRead panel="accuracy" text={HOW_TO_READ} />
      <LineValues
        label="test accuracy by iteration"
        testId="conv-accuracy-values"
        pick={pick}
        toData={toData}
        x="iteration"
      />
    </section>
  );
}
