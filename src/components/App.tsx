/**
 * The page root: the full explorer, or the embed view (`?embed`) for an article. Both carry the run's
 * state as `data-run-state` (idle | running | paused | finished | failed) for host pages and tests.
 */
import { selectRunState } from '../store/selectors';
import { useAppStore } from '../store/store';
import { EmbedApp } from './layout/EmbedApp';
import { FullApp } from './layout/FullApp';
import { useDocumentView } from './classroom/useDocumentView';

export function App() {
  useDocumentView();
  const embed = useAppStore((s) => s.view.embed);
  const runState = useAppStore(selectRunState);
  return embed ? <EmbedApp runState={runState} /> : <FullApp runState={runState} />;
}
