/** A panel's short "how to read this", as visible text under its heading. */
import type { PanelName } from '../../params/view';
import { PANEL_HELP } from './panelHelp';

export function HowToRead({ panel }: { panel: PanelName }) {
  return (
    <p className="how-to-read" data-testid={`how-to-read-${panel}`}>
      <strong>How to read this:</strong> {PANEL_HELP[panel]}
    </p>
  );
}
