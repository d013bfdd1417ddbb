/** The page: controls on the left, what the model learns on the right. */
import { selectRunState } from '../store/selectors';
import { useAppStore } from '../store/store';
import { BackendPicker } from './BackendPicker';
import { PresetCaption, PresetPicker } from './PresetPicker';
import { DataControls } from './DataControls';
import { ErrorBanner } from './ErrorBanner';
import { ModelControls } from './ModelControls';
import { RunControls } from './RunControls';
import { ErrorPanel } from './panels/ErrorPanel';
import { HeatmapPanel } from './panels/HeatmapPanel';
import { MetricsTable } from './panels/MetricsTable';
import { SpectrumPanel } from './panels/SpectrumPanel';
import { PresetViews } from './views/PresetViews';

export function App() {
  // A sweep has no single run to show: its own views replace the per-iteration panels.
  const isSweep = useAppStore((s) => s.jobKind === 'sweep');
  const runState = useAppStore(selectRunState);
  return (
    <div className="app" data-testid="app" data-run-state={runState}>
      <header className="top">
        <div>
          <h1>RFM Explorer</h1>
          <p className="tagline">
            A Recursive Feature Machine learns which directions of the input matter by averaging the gradient outer
            product (AGOP) of a kernel machine, then reweights its kernel with that feature matrix M. Watch it learn.
          </p>
        </div>
        <RunControls />
      </header>
      <PresetPicker />
      <PresetCaption />
      <ErrorBanner />
      <main className="layout">
        <aside className="controls">
          <DataControls />
          <ModelControls />
          <section className="control-group" aria-label="backend">
            <h2>Backend</h2>
            <BackendPicker />
          </section>
        </aside>
        <div className="panels">
          {isSweep ? (
            <PresetViews />
          ) : (
            <>
              <HeatmapPanel />
              <ErrorPanel />
              <SpectrumPanel />
              <PresetViews />
              <MetricsTable />
            </>
          )}
        </div>
      </main>
    </div>
  );
}
