/**
 * Slow motion for a room: the run trains at full speed, and the iteration shown (M, the scrubber, the
 * table's row) steps through the recorded iterations at `slowmo` seconds each (a view setting, so a link
 * can ask for it: ?slowmo=1). A new run is replayed as its records come; "replay" starts again from
 * iteration 0. When the replay reaches the last record of a finished run, the view follows the latest again.
 */
import { useEffect, useState } from 'react';
import { VIEW_PARAMS } from '../../params/view';
import { useAppStore } from '../../store/store';
import { selectRecords } from '../../store/selectors';

const PACES = [0, 0.5, 1, 2, 4];

/** One tick of the replay: the next recorded iteration, or the end of the replay. Returns whether it goes on. */
function advance(): boolean {
  const s = useAppStore.getState();
  const last = selectRecords(s).length - 1;
  const current = s.selectedIteration ?? last;
  if (current < last) {
    s.selectIteration(current + 1);
    return true;
  }
  if (s.status === 'running' || s.status === 'starting' || s.status === 'paused') return true;
  s.selectIteration(null);
  return false;
}

export function SlowMotion() {
  const slowmo = useAppStore((s) => s.view.slowmo);
  const setView = useAppStore((s) => s.setView);
  const runId = useAppStore((s) => s.runId);
  const canReplay = useAppStore((s) => selectRecords(s).length > 1);
  const [replaying, setReplaying] = useState(false);

  // A new run with slow motion on is shown from its iteration 0, at the chosen pace.
  useEffect(() => {
    if (slowmo <= 0 || runId === 0) return;
    useAppStore.getState().selectIteration(0);
    setReplaying(true);
  }, [runId]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (!replaying) return;
    if (slowmo <= 0) {
      useAppStore.getState().selectIteration(null);
      setReplaying(false);
      return;
    }
    const timer = window.setInterval(() => {
      if (!advance()) setReplaying(false);
    }, slowmo * 1000);
    return () => window.clearInterval(timer);
  }, [replaying, slowmo]);

  const paces = PACES.includes(slowmo) ? PACES : [...PACES, slowmo].sort((a, b) => a - b);
  return (
    <div className="slowmo" role="group" aria-label="slow motion">
      <label className="view-toggle" title={VIEW_PARAMS.slowmo.help}>
        <span>slow motion</span>
        <select data-testid="slowmo" value={slowmo} onChange={(e) => setView({ slowmo: Number(e.target.value) })}>
          {paces.map((pace) => (
            <option key={pace} value={pace}>
              {pace === 0 ? 'off' : `${pace} s`}
            </option>
          ))}
        </select>
      </label>
      {slowmo > 0 && (
        <button
          type="button"
          className="view-toggle"
          data-testid="slowmo-replay"
          disabled={!canReplay}
          aria-pressed={replaying}
          onClick={() => {
            useAppStore.getState().selectIteration(0);
            setReplaying(true);
          }}
        >
          {replaying ? 'replaying…' : 'replay'}
        </button>
      )}
    </div>
  );
}
