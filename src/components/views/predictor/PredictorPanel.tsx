/**
 * The predictor panel (docs/predictor.md): the function the model has learned at the shown iteration, as a
 * curve (d = 1), a surface (d = 2) or a slice through two chosen coordinates (d > 2, the others at their
 * training means). The worker evaluates the model on the grid; this view only asks and draws.
 */
import { useEffect, useRef, useState } from 'react';
import { selectRecords, selectShownRecord } from '../../../store/selectors';
import { useAppStore } from '../../../store/store';
import { createPredictorChart, type PredictorChart } from '../../../viz/predictorChart';
import { ValuesDetails, ValuesTable } from '../../a11y/ValuesDetails';
import { IterationScrubber, rfmIterationText } from '../../panels/IterationScrubber';
import { HowToRead } from '../../teach/HowToRead';
import { AxisPicker } from './AxisPicker';
import { describePredictor, predictorValues } from './predictorValues';
import { usePredictorView } from './usePredictorView';

export function PredictorPanel() {
  const runId = useAppStore((s) => s.runId);
  const records = useAppStore(selectRecords);
  const shown = useAppStore(selectShownRecord);
  const selected = useAppStore((s) => s.selectedIteration);
  const selectIteration = useAppStore((s) => s.selectIteration);
  const d = useAppStore((s) => s.dataset?.d ?? null);
  const names = useAppStore((s) => s.dataset?.featureNames ?? null);
  const scrubbable = useAppStore((s) => !(s.view.embed && s.view.controls === 'none'));
  const [chosen, setChosen] = useState<[number, number]>([0, 1]);
  const axes = d === null ? null : d === 1 ? [0] : chosen.every((a) => a < d) ? chosen : [0, 1];
  const { view, error } = usePredictorView(runId, shown?.iteration ?? null, axes);

  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<PredictorChart | null>(null);
  useEffect(() => {
    const node = host.current;
    if (!node) return;
    chart.current = createPredictorChart(node);
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    if (view) chart.current?.update(view);
  }, [view]);

  return (
    <section className="panel" aria-label="learned function">
      <header>
        <h3>Learned function</h3>
        {d !== null && d > 2 && <AxisPicker names={names ?? []} axes={chosen} onChange={setChosen} />}
      </header>
      <div ref={host} className="chart predictor-host" hidden={view === null} />
      {view === null && (
        <p className="muted" data-testid="predictor-status">
          {error ?? (records.length === 0 ? 'The learned function appears after the first iteration.' : 'Evaluating…')}
        </p>
      )}
      <IterationScrubber
        label="iteration of the learned function"
        testId="predictor-scrubber"
        textTestId="predictor-scrubber-label"
        hidden={!scrubbable}
        count={records.length}
        shown={selected ?? records.length - 1}
        onSelect={selectIteration}
        text={rfmIterationText(shown)}
      />
      <p className="caption" data-testid="predictor-caption">
        {view ? describePredictor(view) : ''}
      </p>
      {error && view && (
        <p className="muted" role="status">
          {error}
        </p>
      )}
      <HowToRead panel="predictor" />
      <ValuesDetails label="learned function" testId="predictor-values">
        {() => <ValuesTable label="learned function" data={view ? predictorValues(view) : null} />}
      </ValuesDetails>
    </section>
  );
}
