/**
 * "Show values" for any line chart or matrix picture, fed from the store through the very pick and toData
 * the chart uses, so the table holds the numbers the chart draws. Built only while open (ValuesDetails);
 * while open it re-renders when the picked state changes (shallowly), like the chart.
 */
import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore, type AppState } from '../../store/store';
import type { LineChartData } from '../../viz/lineChart';
import { lineChartValues, type LineValuesOptions } from './lineValues';
import { BLOCK, blockName, blockStarts, matrixBlockValues, type MatrixSource } from './matrixBlocks';
import { ValuesDetails, ValuesTable } from './ValuesDetails';

export interface LineTableProps<K> {
  /** The table's name: 'circulant deviation and alignment by iteration'. */
  label: string;
  pick: (state: AppState) => K;
  toData: (picked: K) => LineChartData | null;
  /** The x axis' name: 'iteration', 'epoch', 'index'. */
  x: string;
  /** Default 'byX': a row per x. 'bySeries': a row per line (spectra). */
  layout?: LineValuesOptions['layout'];
  maxColumns?: number;
}

/** The table of one line chart's data. */
export function LineTable<K>({ label, pick, toData, x, layout = 'byX', maxColumns }: LineTableProps<K>) {
  const picked = useAppStore(useShallow(pick));
  const data = useMemo(() => toData(picked), [picked, toData]);
  const options = { xLabel: x, layout, ...(maxColumns !== undefined ? { maxColumns } : {}) };
  return <ValuesTable label={label} data={data ? lineChartValues(data, options) : null} />;
}

export function LineValues<K>({ testId, ...props }: LineTableProps<K> & { testId: string }) {
  return (
    <ValuesDetails label={props.label} testId={testId}>
      {() => <LineTable {...props} />}
    </ValuesDetails>
  );
}

export interface MatrixTableProps<K> {
  pick: (state: AppState) => K;
  toMatrices: (picked: K) => readonly MatrixSource[] | null;
}

function BlockPicker({
  axis,
  n,
  start,
  onChange,
}: {
  axis: string;
  n: number;
  start: number;
  onChange: (s: number) => void;
}) {
  if (n <= BLOCK) return null;
  return (
    <label>
      {axis}{' '}
      <select value={start} onChange={(e) => onChange(Number(e.target.value))} data-testid={`values-${axis}`}>
        {blockStarts(n).map((s) => (
          <option key={s} value={s}>
            {blockName(s, n)}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * The matrices a chart draws, one block of at most BLOCK x BLOCK entries at a time, with a choice of the
 * matrix (when the chart draws several) and of the block's rows and columns (when it is larger).
 */
export function MatrixTable<K>({ pick, toMatrices }: MatrixTableProps<K>) {
  const picked = useAppStore(useShallow(pick));
  const matrices = useMemo(() => toMatrices(picked), [picked, toMatrices]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [rowStart, setRowStart] = useState(0);
  const [colStart, setColStart] = useState(0);
  const m = matrices?.find((x) => x.id === chosen) ?? matrices?.[0];
  if (!matrices || !m) return <p className="muted">No values yet.</p>;
  // A smaller matrix than before (a new run) keeps the last block that exists.
  const r0 = Math.min(rowStart, blockStarts(m.rows).at(-1) ?? 0);
  const c0 = Math.min(colStart, blockStarts(m.cols).at(-1) ?? 0);
  return (
    <>
      <div className="values-pickers">
        {matrices.length > 1 && (
          <label>
            matrix{' '}
            <select value={m.id} onChange={(e) => setChosen(e.target.value)} data-testid="values-matrix">
              {matrices.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.title}
                </option>
              ))}
            </select>
          </label>
        )}
        <BlockPicker axis="rows" n={m.rows} start={r0} onChange={setRowStart} />
        <BlockPicker axis="columns" n={m.cols} start={c0} onChange={setColStart} />
      </div>
      <ValuesTable label={`${m.title} (${m.rows} × ${m.cols})`} data={matrixBlockValues(m, r0, c0)} />
    </>
  );
}

export function MatrixValuesOf<K>({
  label,
  testId,
  ...props
}: MatrixTableProps<K> & { label: string; testId: string }) {
  return (
    <ValuesDetails label={label} testId={testId}>
      {() => <MatrixTable {...props} />}
    </ValuesDetails>
  );
}
