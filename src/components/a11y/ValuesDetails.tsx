/**
 * A chart's text alternative: a "Show values" disclosure under the chart with a table of the numbers it
 * draws, reachable by keyboard (the summary is focusable, the scrolling table is a focusable region).
 * The table is built only while open, so a closed one costs nothing per iteration.
 */
import { useState, type ReactNode } from 'react';

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

export function ValuesTable({ label, data }: { label: string; data: ValuesTableData | null }) {
  if (!data || data.rows.length === 0) return <p className="muted">No values yet.</p>;
  return (
    <div className="values-scroll" role="region" aria-label={`${label} values`} tabIndex={0}>
      <table className="metrics values-table">
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
          {data.rows.map((row, i) => (
            <tr key={i}>
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
        </tbody>
      </table>
      {data.note && <p className="muted">{data.note}</p>}
    </div>
  );
}
