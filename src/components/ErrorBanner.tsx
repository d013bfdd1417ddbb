/** Run failures and URL problems, in words; the results so far stay on screen. */
import { useAppStore } from '../store/store';

export function ErrorBanner() {
  const error = useAppStore((s) => s.error);
  const problems = useAppStore((s) => s.paramProblems);
  if (!error && problems.length === 0) return null;
  return (
    <div className="banner" role="alert" data-testid="error-banner">
      {error && <div>The run stopped: {error}. The iterations completed so far are kept below.</div>}
      {problems.map((p) => (
        <div key={p}>Ignored a link parameter: {p}.</div>
      ))}
    </div>
  );
}
