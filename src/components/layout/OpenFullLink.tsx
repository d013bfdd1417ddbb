/** "Open in RFM Explorer": the full app, in a new tab, with the embed's parameters and view state. */
import { selectShareQuery, queryText } from '../../store/share';
import { useAppStore } from '../../store/store';

export function OpenFullLink() {
  const query = useAppStore((s) => queryText(selectShareQuery(s, { embed: false, controls: 'run' })));
  const href = `${window.location.pathname}${query ? `?${query}` : ''}`;
  return (
    <a className="open-full" href={href} target="_blank" rel="noopener" data-testid="open-full">
      Open in RFM Explorer ↗
    </a>
  );
}
