/** One kept run in the runs list: its colour, name and result, and what can be done with it. */
import { useState } from 'react';
import { getEngine } from '../../engine/engine';
import type { KeptRun } from '../../store/runs/keptRun';
import { keptSize } from '../../store/runs/keptResults';
import { finalTestError } from '../../store/runs/runSelectors';
import { useAppStore } from '../../store/store';
import { formatValue } from '../../viz/format';

export function RunItem({ run }: { run: KeptRun }) {
  const compared = useAppStore((s) => s.compareIds.includes(run.id));
  const open = useAppStore((s) => s.openRunId === run.id);
  const { renameRun, togglePinned, deleteRun, toggleCompared, openRun } = useAppStore.getState();
  const [editing, setEditing] = useState(false);
  const error = finalTestError(run);

  return (
    <li className={`run-item${open ? ' open' : ''}`} data-run-id={run.id} aria-label={run.name}>
      {/* The comparison overlays test errors by iteration: a sweep or lin-RFM run has none to overlay. */}
      {run.results === undefined && (
        <input
          type="checkbox"
          aria-label={`compare ${run.name}`}
          checked={compared}
          onChange={() => toggleCompared(run.id)}
        />
      )}
      <span className="run-swatch" style={{ background: run.color }} aria-hidden="true" />
      {editing ? (
        <input
          className="run-name-input"
          aria-label="run name"
          defaultValue={run.name}
          autoFocus
          onBlur={(e) => {
            renameRun(run.id, e.target.value);
            setEditing(false);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.currentTarget.blur();
            if (e.key === 'Escape') setEditing(false);
          }}
        />
      ) : (
        <span className="run-name">{run.name}</span>
      )}
      <span className="run-meta muted">
        {run.outcome}, {keptSize(run)}
        {error !== null ? `, test MSE ${formatValue(error)}` : ''}
      </span>
      <span className="run-actions">
        {(run.records.length > 0 || run.results !== undefined) && (
          <button
            type="button"
            aria-label={`open ${run.name}`}
            aria-pressed={open}
            onClick={() => {
              // Stop any run in flight: the panels now show this kept run.
              if (useAppStore.getState().status !== 'finished') getEngine().reset();
              openRun(run.id);
            }}
          >
            open
          </button>
        )}
        <button
          type="button"
          aria-label={`pin ${run.name}`}
          aria-pressed={run.pinned}
          onClick={() => togglePinned(run.id)}
        >
          {run.pinned ? 'pinned' : 'pin'}
        </button>
        <button type="button" aria-label={`rename ${run.name}`} onClick={() => setEditing(true)}>
          rename
        </button>
        <button type="button" aria-label={`delete ${run.name}`} onClick={() => deleteRun(run.id)}>
          delete
        </button>
      </span>
    </li>
  );
}
