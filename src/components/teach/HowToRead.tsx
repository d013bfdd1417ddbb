/**
 * A panel's short "how to read this", as visible text under its heading. In an embed the article around
 * it does the explaining and the frame is small, so there it is a disclosure the reader can open; so it is in
 * classroom mode, where each page of panels is one screen.
 */
import type { PanelName } from '../../params/view';
import { useAppStore } from '../../store/store';
import { PANEL_HELP } from './panelHelp';

/** `text`: a kind of run's own words for a panel name it shares (ConvRFM's accuracy is not grokking's). */
export function HowToRead({ panel, text }: { panel: PanelName; text?: string }) {
  const help = text ?? PANEL_HELP[panel];
  // In an embed, and on classroom mode's one-screen pages, it folds into a disclosure.
  const folded = useAppStore((s) => s.view.embed || s.view.classroom);
  const testId = `how-to-read-${panel}`;
  if (folded)
    return (
      <details className="how-to-read" data-testid={testId}>
        <summary>How to read this</summary> {help}
      </details>
    );
  return (
    <p className="how-to-read" data-testid={testId}>
      <strong>How to read this:</strong> {help}
    </p>
  );
}
