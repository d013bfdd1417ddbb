/**
 * The runs region: every kept run (finished or stopped) as one list item, the storage they use, and the
 * comparison of the runs chosen. A run's "open" button shows its full view in the panels above.
 */
import { useAppStore } from '../../store/store';
import { ViewBoundary } from '../layout/ViewBoundary';
import { CompareView } from './CompareView';
import { RunItem } from './RunItem';
import { StorageBar } from './StorageBar';
import './runs.css';

export function RunsRegion() {
  const runs = useAppStore((s) => s.runs);
  const compared = useAppStore((s) => s.compareIds.length);
  return (
    <section className="runs" aria-labelledby="runs-heading">
      <header>
        <h2 id="runs-heading">Runs</h2>
        <StorageBar />
      </header>
      {runs.length === 0 ? (
        <p className="muted">Finished and stopped runs are kept here; tick two or more to compare them.</p>
      ) : (
        <ul className="run-list">
          {[...runs].reverse().map((run) => (
            <ViewBoundary key={run.id} label={`the run ${run.name.slice(0, 60)}`}>
              <RunItem run={run} />
            </ViewBoundary>
          ))}
        </ul>
      )}
      {compared === 1 && <p className="muted">Tick one more run to compare.</p>}
      <ViewBoundary label="the comparison">
        <CompareView />
      </ViewBoundary>
    </section>
  );
}
