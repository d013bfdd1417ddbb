/**
 * A chart's text alternative: a "Show values" disclosure under the chart with a table of the numbers it
 * draws, reachable by keyboard (the summary is focusable, the scrolling table is a focusable region).
 * The table is built only while open, so a closed one costs nothing per iteration.
 */
import { useState, type ReactNode } from 'react';
import { ROW_HEIGHT, VIRTUAL_ROWS_FROM, rowWindow } from './virtualRows';

export interface ValuesTableData {
  columns: readonly string[];
  rows: readonly (readonly (string | number)[])[];
  /** A note under the table (e.g. "first 20 of 800 shown"). */
  note?: string;
}

export function ValuesDetails({
  label,
  testId,
  children,
}: {
  label: string;
  testId: string;
  children: () => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <details className="chart-values" data-testid={testId} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        Show values<span className="visually-hidden"> of the {label}</span>
      </summary>
      {open && children()}
    </details>
  );
}

/** Height of the scrolling region, px (.values-scroll's max-height). */
const VIEW_HEIGHT = 320;

export function ValuesTable({ label, data }: { label: string; data: ValuesTableData | null }) {
  const [scrollTop, setScrollTop] = useState(0);
  if (!data || data.rows.length === 0) return <p className="muted">No values yet.</p>;
  // Long tables are virtual (./virtualRows.ts): only the rows in view are in the DOM.
  const total = data.rows.length;
  const { start, end } =
    total > VIRTUAL_ROWS_FROM ? rowWindow(scrollTop, VIEW_HEIGHT, total) : { start: 0, end: total };
  return (
    <div
      className="values-scroll"
      role="region"
      aria-label={`${label} values`}
      tabIndex={0}
      onScroll={total > VIRTUAL_ROWS_FROM ? (e) => setScrollTop(e.currentTarget.scrollTop) : undefined}
    >
      <table className="metrics values-table" aria-rowcount={total + 1} data-rendered-rows={end - start}>
        <caption className="visually-hidden">{label}</caption>
        <thead>
          <tr>
            {data.columns.map((c, j) => (
              <th key={j} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {start > 0 && <tr aria-hidden="true" style={{ height: start * ROW_HEIGHT }} />}
          {data.rows.slice(start, end).map((row, k) => (
            <tr
              key={start + k}
              aria-rowindex={start + k + 2}
              style={total > VIRTUAL_ROWS_FROM ? { height: ROW_HEIGHT } : undefined}
            >
              {row.map((cell, j) =>
                j === 0 ? (
                  <th key={j} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={j}>{cell}</td>
                ),
              )}
            </tr>
          ))}
          {end < total && <tr aria-hidden="true" style={{ height: (total - end) * ROW_HEIGHT }} />}
        </tbody>
      </table>
      {data.note && <p className="muted">{data.note}</p>}
    </div>
  );
}
