/** Run failures and URL problems, in words; the results so far stay on screen. */
import { useAppStore } from '../store/store';

/** A message as one sentence: ends with exactly one full stop (data errors already bring theirs). */
const sentence = (message: string) => (/[.!?]$/.test(message.trim()) ? message.trim() : `${message.trim()}.`);

export function ErrorBanner() {
  const error = useAppStore((s) => s.error);
  const paramProblems = useAppStore((s) => s.paramProblems);
  const viewProblems = useAppStore((s) => s.viewProblems);
  const problems = [...paramProblems, ...viewProblems];
  if (!error && problems.length === 0) return null;
  return (
    <div className="banner" role="alert" data-testid="error-banner">
      {error && <div>The run stopped: {sentence(error)} The iterations completed so far are kept below.</div>}
      {problems.map((p) => (
        <div key={p}>Ignored a link parameter: {sentence(p)}</div>
      ))}
    </div>
  );
}
