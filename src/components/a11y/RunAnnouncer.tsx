/**
 * A polite live region that tells screen-reader users when the run changes state (started, paused,
 * finished with its outcome, failed, reset). It speaks on state changes only, never once per iteration,
 * so a long run does not flood it.
 */
import { useAppStore, type AppState } from '../../store/store';
import { jobTraits } from '../../jobs/jobTraits';
import { selectCompletedUnits, selectJob, selectRecords, selectSweepPoints } from '../../store/selectors';
import { presetOutcome } from '../teach/runStory';

function announcement(s: AppState): string {
  const unit = jobTraits(selectJob(s)).unit;
  const done = selectCompletedUnits(s);
  switch (s.status) {
    case 'starting':
    case 'running':
      return `Training: ${s.plannedRecords} ${unit}s planned.`;
    case 'paused':
      return `Paused after ${done} of ${s.plannedRecords} ${unit}s.`;
    case 'finished': {
      const outcome = presetOutcome({
        params: s.params,
        records: selectRecords(s),
        dataset: s.dataset,
        sweepPoints: selectSweepPoints(s),
        finished: true,
      });
      return `Finished ${done} ${unit}s. ${outcome ?? ''}`.trim();
    }
    case 'failed':
      return 'The run stopped with an error; the iterations completed so far are kept.';
    case 'cancelled':
    case 'idle':
      return selectRecords(s).length === 0 && s.runId > 0 ? 'Reset: no results.' : '';
  }
}

/** Selects only the sentence: it changes with the status, not with each record (except on finishing). */
const selectAnnouncement = (s: AppState) => announcement(s);

export function RunAnnouncer() {
  const message = useAppStore(selectAnnouncement);
  return (
    <div className="visually-hidden" role="status" aria-live="polite" data-testid="run-announcer">
      {message}
    </div>
  );
}
