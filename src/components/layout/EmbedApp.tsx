/**
 * The embed view (`?embed`): only what an article needs. The chosen panels (default: the preset's pair),
 * run controls per `controls=` (none | run | all), and a link to the full explorer with the same state.
 * No page header or preset bar. It trains once at least half of it is on screen and pauses when it
 * leaves; it reports its height to the host page (embed.js resizes the iframe).
 */
import { useRef } from 'react';
import { PRESETS } from '../../params/presets';
import type { RunState } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { DataControls } from '../DataControls';
import { ErrorBanner } from '../ErrorBanner';
import { ModelControls } from '../ModelControls';
import { RunControls } from '../RunControls';
import { DEFAULT_EMBED_PANELS } from '../panels/panelKinds';
import { PanelList } from '../panels/registry';
import { RunExport } from '../export/RunExport';
import { OpenFullLink } from './OpenFullLink';
import { RunAnnouncer } from '../a11y/RunAnnouncer';
import { useHostMessages } from './useHostMessages';
import { useVisibilityRun } from './useVisibilityRun';

export function EmbedApp({ runState }: { runState: RunState }) {
  const ref = useRef<HTMLDivElement>(null);
  const preset = useAppStore((s) => s.params.preset);
  const chosen = useAppStore((s) => s.view.panels);
  const controls = useAppStore((s) => s.view.controls);
  const backend = useAppStore((s) => s.backend?.name ?? '');
  useVisibilityRun(ref);
  useHostMessages(ref, runState);
  const panels = chosen.length > 0 ? chosen : DEFAULT_EMBED_PANELS[preset];
  return (
    <div
      ref={ref}
      className="app embed"
      data-testid="app"
      data-run-state={runState}
      data-controls={controls}
      data-backend={backend}
    >
      <div className="embed-bar">
        {controls !== 'none' && <RunControls />}
        <span className="embed-title">{PRESETS[preset].title}</span>
        <OpenFullLink />
      </div>
      <ErrorBanner />
      <RunAnnouncer />
      <div className="panels embed-panels">
        <PanelList names={panels} exportable={controls === 'all'} />
      </div>
      {controls === 'all' && (
        <details className="embed-settings">
          <summary>Data and model</summary>
          <DataControls />
          <ModelControls />
          <RunExport />
        </details>
      )}
    </div>
  );
}
