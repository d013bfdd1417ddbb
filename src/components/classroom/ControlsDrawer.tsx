/**
 * The controls column. On a narrow screen (phones) the results come first and the controls fold into a
 * drawer under them, closed until asked for; on a wide screen they are always open beside the panels.
 */
import { useSyncExternalStore, type ReactNode } from 'react';

const NARROW = '(max-width: 900px)';

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(NARROW);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}
const isNarrow = () => window.matchMedia(NARROW).matches;

export function ControlsDrawer({ children }: { children: ReactNode }) {
  const narrow = useSyncExternalStore(subscribe, isNarrow, () => false);
  if (!narrow) return <aside className="controls">{children}</aside>;
  return (
    <aside className="controls controls-narrow">
      <details className="controls-drawer" data-testid="controls-drawer">
        <summary>Controls: data, model, backend</summary>
        <div className="controls">{children}</div>
      </details>
    </aside>
  );
}
