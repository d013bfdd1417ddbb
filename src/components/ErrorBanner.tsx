/**
 * Run failures, URL problems and what the app is waiting for, in words. The results so far stay on
 * screen; when a run fails before its first iteration, the last run that worked is shown instead (and
 * the banner says so). A failure that may pass on a second try (a download, a lost worker) offers Retry.
 */
import { getEngine } from '../engine/engine';
import { useAppStore } from '../store/store';

/** A message as one sentence: ends with exactly one full stop (data errors already bring theirs). */
const sentence = (message: string) => (/[.!?]$/.test(message.trim()) ? message.trim() : `${message.trim()}.`);

export function ErrorBanner() {
  const error = useAppStore((s) => s.error);
  const retryable = useAppStore((s) => s.retryable);
  const showingLastGood = useAppStore((s) => s.showingLastGood);
  const notice = useAppStore((s) => s.notice);
  const paramProblems = useAppStore((s) => s.paramProblems);
  const viewProblems = useAppStore((s) => s.viewProblems);
  const problems = [...paramProblems, ...viewProblems];
  return (
    <>
      {notice && (
        <div className="banner notice" role="status" data-testid="run-notice">
          {notice}
        </div>
      )}
      {(error || problems.length > 0) && (
        <div className="banner" role="alert" data-testid="error-banner">
          {error && (
            <div>
              The run stopped: {sentence(error)}{' '}
              {showingLastGood
                ? 'Showing the last run that worked.'
                : 'The iterations completed so far are kept below.'}
              {retryable && (
                <button type="button" className="retry" onClick={() => getEngine().retry()}>
                  Retry
                </button>
              )}
            </div>
          )}
          {problems.map((p) => (
            <div key={p}>Ignored a link parameter: {sentence(p)}</div>
          ))}
        </div>
      )}
    </>
  );
}
