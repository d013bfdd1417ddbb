/**
 * The full explorer: header with run controls and Share, preset bar, controls on the left, what the model
 * learns on the right, the "How it works" article under both. A link's `panels=` picks the panels
 * (registry.tsx); `hide=` hides control groups or single controls (params/view.ts); on a phone, and in
 * classroom mode, the controls fold into a drawer under the results; classroom mode pages the panels two at
 * a time, each page one screen.
 */
import type { RunState } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import type { ControlGroup } from '../../params/view';
import { BackendPicker } from '../BackendPicker';
import { DataControls } from '../DataControls';
import { ErrorBanner } from '../ErrorBanner';
import { ModelControls } from '../ModelControls';
import { NetworkControls } from '../NetworkControls';
import { PresetCaption, PresetPicker } from '../PresetPicker';
import { RunControls } from '../RunControls';
import { FULL_PANELS } from '../panels/panelKinds';
import { PanelList } from '../panels/registry';
import { RunExport } from '../export/RunExport';
import { RunsRegion } from '../runs/RunsRegion';
import { ShareButton } from '../share/ShareButton';
import { RunAnnouncer } from '../a11y/RunAnnouncer';
import { ControlsDrawer } from '../classroom/ControlsDrawer';
import { PanelPager } from '../classroom/PanelPager';
import { Shortcuts } from '../classroom/Shortcuts';
import { SlowMotion } from '../classroom/SlowMotion';
import { ViewToggles } from '../classroom/ViewToggles';
import { HowItWorks, HowItWorksAside } from '../teach/HowItWorks';
import { Walkthrough } from '../teach/Walkthrough';

export function FullApp({ runState }: { runState: RunState }) {
  const panels = useAppStore((s) => s.view.panels);
  const hide = useAppStore((s) => s.view.hide);
  const classroom = useAppStore((s) => s.view.classroom);
  const shown = (group: ControlGroup) => !hide.includes(group);
  const showAside = shown('data') || shown('model') || shown('backend');
  return (
    <div className="app" data-testid="app" data-run-state={runState}>
      <header className="top">
        {shown('header') && <h1>RFM Explorer</h1>}
        <div className="top-actions">
          {shown('run') && <RunControls />}
          <ShareButton />
          <div className="view-bar">
            <ViewToggles />
            <SlowMotion />
            <Shortcuts />
          </div>
        </div>
        {shown('header') && (
          <p className="tagline">
            A Recursive Feature Machine reweights its kernel with a feature matrix M, the average gradient outer product
            (AGOP) of its own predictor. Watch it learn.
          </p>
        )}
      </header>
      {shown('presets') && <PresetPicker />}
      <PresetCaption />
      <ErrorBanner />
      <RunAnnouncer />
      <div className="page-tools">
        <Walkthrough />
        {shown('downloads') && <RunExport />}
      </div>
      <main className={showAside && !classroom ? 'layout' : 'layout no-aside'}>
        {showAside && (
          <ControlsDrawer folded={classroom}>
            <HowItWorksAside />
            {shown('data') && <DataControls />}
            {shown('model') && <ModelControls />}
            {shown('model') && <NetworkControls />}
            {shown('backend') && (
              <section className="control-group" aria-label="backend">
                <h2>Backend</h2>
                <BackendPicker />
              </section>
            )}
          </ControlsDrawer>
        )}
        <PanelPager>
          <PanelList names={panels.length > 0 ? panels : FULL_PANELS} />
        </PanelPager>
      </main>
      <RunsRegion />
      <HowItWorks />
    </div>
  );
}
