/**
 * The full explorer: header with run controls and Share, preset bar, controls on the left, what the model
 * learns on the right. A link's `panels=` picks the panels (registry.tsx); `hide=` hides control groups.
 */
import type { RunState } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import type { ControlGroup } from '../../params/view';
import { BackendPicker } from '../BackendPicker';
import { DataControls } from '../DataControls';
import { ErrorBanner } from '../ErrorBanner';
import { ModelControls } from '../ModelControls';
import { PresetCaption, PresetPicker } from '../PresetPicker';
import { RunControls } from '../RunControls';
import { ErrorPanel } from '../panels/ErrorPanel';
import { HeatmapPanel } from '../panels/HeatmapPanel';
import { MetricsTable } from '../panels/MetricsTable';
import { PanelList } from '../panels/registry';
import { SpectrumPanel } from '../panels/SpectrumPanel';
import { PresetViews } from '../views/PresetViews';
import { ShareButton } from '../share/ShareButton';

/** The panels when a link names none: the common ones, the experiment's own, and the table. */
function DefaultPanels() {
  // A sweep has no single run to show: its own views replace the per-iteration panels.
  const isSweep = useAppStore((s) => s.jobKind === 'sweep');
  if (isSweep) return <PresetViews />;
  return (
    <>
      <HeatmapPanel />
      <ErrorPanel />
      <SpectrumPanel />
      <PresetViews />
      <MetricsTable />
    </>
  );
}

export function FullApp({ runState }: { runState: RunState }) {
  const panels = useAppStore((s) => s.view.panels);
  const hide = useAppStore((s) => s.view.hide);
  const shown = (group: ControlGroup) => !hide.includes(group);
  const showAside = shown('data') || shown('model') || shown('backend');
  return (
    <div className="app" data-testid="app" data-run-state={runState}>
      <header className="top">
        {shown('header') && (
          <div>
            <h1>RFM Explorer</h1>
            <p className="tagline">
              A Recursive Feature Machine learns which directions of the input matter by averaging the gradient outer
              product (AGOP) of a kernel machine, then reweights its kernel with that feature matrix M. Watch it learn.
            </p>
          </div>
        )}
        <div className="top-actions">
          {shown('run') && <RunControls />}
          <ShareButton />
        </div>
      </header>
      {shown('presets') && <PresetPicker />}
      <PresetCaption />
      <ErrorBanner />
      <main className={showAside ? 'layout' : 'layout no-aside'}>
        {showAside && (
          <aside className="controls">
            {shown('data') && <DataControls />}
            {shown('model') && <ModelControls />}
            {shown('backend') && (
              <section className="control-group" aria-label="backend">
                <h2>Backend</h2>
                <BackendPicker />
              </section>
            )}
          </aside>
        )}
        <div className="panels">{panels.length > 0 ? <PanelList names={panels} /> : <DefaultPanels />}</div>
      </main>
    </div>
  );
}
