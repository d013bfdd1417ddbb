/**
 * The page: controls on the left, what the model learns on the right, the explanation under both. View
 * settings (params/view.ts) hide control groups, switch the theme and classroom mode; on a phone the
 * results come first and the controls fold into a drawer.
 */
import { selectRunState } from '../store/selectors';
import { useAppStore } from '../store/store';
import { RunAnnouncer } from './a11y/RunAnnouncer';
import { BackendPicker } from './BackendPicker';
import { ControlsDrawer } from './classroom/ControlsDrawer';
import { Hideable, useHidden } from './classroom/Hideable';
import { PanelPager } from './classroom/PanelPager';
import { Shortcuts } from './classroom/Shortcuts';
import { ViewToggles } from './classroom/ViewToggles';
import { useDocumentView } from './classroom/useDocumentView';
import { PresetCaption, PresetPicker } from './PresetPicker';
import { DataControls } from './DataControls';
import { ErrorBanner } from './ErrorBanner';
import { ModelControls } from './ModelControls';
import { RunControls } from './RunControls';
import { ErrorPanel } from './panels/ErrorPanel';
import { HeatmapPanel } from './panels/HeatmapPanel';
import { MetricsTable } from './panels/MetricsTable';
import { SpectrumPanel } from './panels/SpectrumPanel';
import { HowItWorks, HowItWorksAside } from './teach/HowItWorks';
import { Walkthrough } from './teach/Walkthrough';
import { PresetViews } from './views/PresetViews';

export function App() {
  useDocumentView();
  // A sweep has no single run to show: its own views replace the per-iteration panels.
  const isSweep = useAppStore((s) => s.jobKind === 'sweep');
  const hideHeader = useHidden('header');
  const controlsHidden = useAppStore((s) =>
    (['data', 'model', 'backend'] as const).every((g) => s.view.hide.includes(g)),
  );
  const runState = useAppStore(selectRunState);
  return (
    <div className="app" data-testid="app" data-run-state={runState}>
      <header className="top">
        <div className={hideHeader ? 'visually-hidden' : undefined}>
          <h1>RFM Explorer</h1>
          <p className="tagline">
            A Recursive Feature Machine learns which directions of the input matter by averaging the gradient outer
            product (AGOP) of a kernel machine, then reweights its kernel with that feature matrix M. Watch it learn.
          </p>
        </div>
        <Hideable group="run">
          <RunControls />
        </Hideable>
        <div className="view-bar">
          <ViewToggles />
          <Shortcuts />
        </div>
      </header>
      <Hideable group="presets">
        <PresetPicker />
      </Hideable>
      <PresetCaption />
      <Walkthrough />
      <ErrorBanner />
      <RunAnnouncer />
      <main className={controlsHidden ? 'layout no-controls' : 'layout'}>
        {!controlsHidden && (
          <ControlsDrawer>
            <HowItWorksAside />
            <Hideable group="data">
              <DataControls />
            </Hideable>
            <Hideable group="model">
              <ModelControls />
            </Hideable>
            <Hideable group="backend">
              <section className="control-group" aria-label="backend">
                <h2>Backend</h2>
                <BackendPicker />
              </section>
            </Hideable>
          </ControlsDrawer>
        )}
        <PanelPager>
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
        </PanelPager>
      </main>
      <HowItWorks />
    </div>
  );
}
