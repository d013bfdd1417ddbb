/**
 * The controls column. On a narrow screen (phones) the results come first and the controls fold into a
 * drawer under them, closed until asked for; on a wide screen they are always open beside the panels (except
 * in classroom mode, which folds them too).
 */
import { useSyncExternalStore, type ReactNode } from 'react';

const NARROW = '(max-width: 900px)';

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(NARROW);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}
const isNarrow = () => window.matchMedia(NARROW).matches;

/** `folded`: a drawer whatever the width (classroom mode gives the screen to two panels). */
export function ControlsDrawer({ children, folded = false }: { children: ReactNode; folded?: boolean }) {
  const narrow = useSyncExternalStore(subscribe, isNarrow, () => false) || folded;
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
