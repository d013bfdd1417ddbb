/** Every iteration's numbers: errors, R², accuracy and the time of each phase on the active backend. */
import type { IterationRecord } from '../../core';
import { useAppStore } from '../../store/store';
import { formatMs, formatValue } from '../../viz/format';
import { HowToRead } from '../teach/HowToRead';
import { headline } from './headline';
import { selectRecords } from '../../store/selectors';

const fmt = (v: number | null) => (v === null || Number.isNaN(v) ? '–' : formatValue(v));
const totalMs = (r: IterationRecord) => Object.values(r.timings).reduce((a, b) => a + b, 0);

export function MetricsTable() {
  const records = useAppStore((s) => selectRecords(s));
  const selectIteration = useAppStore((s) => s.selectIteration);
  const showAccuracy = records.some((r) => r.testAccuracy !== null);
  const showR2 = records.some((r) => r.testR2 !== null);
  const verdict = headline(records);
  const best = records.at(-1)?.bestIteration ?? null;
  return (
    <section className="panel wide" aria-label="metrics">
      <header>
        <h3>Iterations</h3>
        {verdict && (
          <span
            className={verdict.warning ? 'headline warn' : 'headline'}
            data-testid="improvement"
            role={verdict.warning ? 'alert' : undefined}
          >
            {verdict.text}
          </span>
        )}
      </header>
      <div className="metrics-scroll" role="region" aria-label="iterations table" tabIndex={0}>
        <table className="metrics" data-testid="metrics-table">
          <thead>
            <tr>
              <th>t</th>
              <th>train MSE</th>
              <th>test MSE</th>
              {best !== null && <th>validation MSE</th>}
              {showR2 && <th>test R²</th>}
              {showAccuracy && <th>test acc.</th>}
              <th>time: total (kernel · solve · predict · spectrum · AGOP, in ms)</th>
              <th>backend</th>
            </tr>
          </thead>
          <tbody>
            {records.map((r) => (
              <tr
                key={r.iteration}
                data-testid={`metrics-row-${r.iteration}`}
                data-train-mse={r.trainMse}
                data-test-mse={r.testMse ?? ''}
                data-test-acc={r.testAccuracy ?? ''}
                data-test-r2={r.testR2 ?? ''}
                data-best={r.iteration === best ? 'true' : undefined}
                data-tensors={r.memory.tensors}
                data-gpu-bytes={r.memory.gpuBytes ?? ''}
                onClick={() => selectIteration(r.iteration)}
              >
                <td>
                  {r.iteration === 0 ? '0 (baseline)' : r.iteration}
                  {r.iteration === best && ' (best)'}
                </td>
                <td>{fmt(r.trainMse)}</td>
                <td>{fmt(r.testMse)}</td>
                {best !== null && <td>{fmt(r.validationMse)}</td>}
                {showR2 && <td>{fmt(r.testR2)}</td>}
                {showAccuracy && <td>{r.testAccuracy === null ? '–' : `${(r.testAccuracy * 100).toFixed(1)}%`}</td>}
                <td className="timings">
                  {formatMs(totalMs(r))}{' '}
                  <span className="muted">
                    (
                    {[r.timings.kernel, r.timings.solve, r.timings.predict, r.timings.spectrum, r.timings.agop]
                      .map((t) => Math.round(t))
                      .join(' · ')}
                    )
                  </span>
                  {r.jitter > 0 && (
                    <span className="warn" title="The factorisation needed extra diagonal jitter">
                      {' '}
                      jitter {formatValue(r.jitter)}
                    </span>
                  )}
                </td>
                <td>{r.backend}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <HowToRead panel="table" />
    </section>
  );
}
