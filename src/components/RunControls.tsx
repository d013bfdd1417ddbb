/** Play / pause, step one iteration, reset; and where the run is (iteration, phase, progress bar). */
import { formatRemaining } from '../store/remainingTime';
import {
  selectCompletedUnits,
  selectRecords,
  selectRemainingMs,
  selectRunFraction,
  selectRunPosition,
  selectStepless,
} from '../store/selectors';
import { useAppStore } from '../store/store';
import { playOrPause, resetRun, stepOnce } from './runActions';

const PHASE_LABEL = {
  agop: 'AGOP (new M)',
  kernel: 'kernel',
  solve: 'solve',
  predict: 'predict',
  spectrum: 'spectrum',
};

export function RunControls() {
  const status = useAppStore((s) => s.status);
  const progress = useAppStore((s) => s.progress);
  const recordCount = useAppStore((s) => selectRecords(s).length);
  const completed = useAppStore(selectCompletedUnits);
  const stepless = useAppStore(selectStepless);
  const position = useAppStore(selectRunPosition);
  const fraction = useAppStore(selectRunFraction);
  const remainingMs = useAppStore(selectRemainingMs);
  const pausing = useAppStore((s) => s.pausing);
  const busy = status === 'running' || status === 'starting';

  const onPlay = playOrPause;
  const onStep = stepOnce;

  return (
    <div className="run-controls">
      <button
        className="play"
        data-testid="play"
        aria-label={busy ? 'pause' : 'play'}
        title={busy ? 'Pause' : status === 'paused' ? 'Resume' : 'Train'}
        onClick={onPlay}
      >
        {busy ? '❚❚' : '▶'}
      </button>
      <button
        data-testid="step"
        title={stepless ? 'A sweep runs whole: no single steps' : 'Step one iteration'}
        onClick={onStep}
        disabled={busy || stepless}
      >
        step
      </button>
      <button data-testid="reset" title="Reset" onClick={resetRun}>
        reset
      </button>
      <div
        className="run-status"
        data-testid="run-status"
        data-status={status}
        data-records={recordCount}
        data-completed={completed}
      >
        <div>
          <strong data-testid="run-status-label">{pausing && busy ? 'pausing…' : status}</strong>
          {position && <span> · {position}</span>}
          {busy && progress && <span className="phase"> · {PHASE_LABEL[progress.phase]}</span>}
        </div>
        <div
          className="progress"
          role="progressbar"
          aria-label="run progress"
          aria-valuenow={Math.round(fraction * 100)}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuetext={`${Math.round(fraction * 100)}%${remainingMs !== null && !pausing ? `, ${formatRemaining(remainingMs)}` : ''}`}
        >
          <div style={{ transform: `scaleX(${fraction})` }} />
        </div>
        {remainingMs !== null && !pausing && (
          <div className="muted remaining" data-testid="remaining-time" aria-live="off">
            {formatRemaining(remainingMs)}
          </div>
        )}
      </div>
    </div>
  );
}
