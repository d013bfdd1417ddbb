/**
 * Controls of real tabular data (an uploaded CSV, Boston, Iris, digits): the CSV upload (file, drop or
 * paste), the target column, the task, standardisation and the test share; image side and sample sizes
 * for digits. Only the header line of a CSV is read here (to list its columns and to turn away a file
 * that is no table before it replaces the last good one); the worker parses the rest, and a bad cell
 * there fails the run with a message naming its row and column (shown by the ErrorBanner).
 */
import { useMemo, useState, type DragEvent } from 'react';
import { BOSTON_COLUMNS, BOSTON_TARGET, IRIS_COLUMNS, IRIS_TARGET } from '../../data/builtin/columns';
import { MAX_CSV_BYTES, checkCsvSize, readCsvHeader } from '../../data/table/csvHeader';
import { PARAMS } from '../../params/schema';
import { useAppStore } from '../../store/store';
import { ChoiceControl, ToggleControl } from '../controls/ChoiceControl';
import { NumberControl } from '../controls/NumberControl';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The header of the current CSV (cheap: its first line), or [] when there is none or it is unreadable. */
function useCsvColumns(): string[] {
  const csv = useAppStore((s) => s.assets.csv);
  return useMemo(() => {
    if (!csv) return [];
    try {
      return readCsvHeader(csv.name, csv.text);
    } catch {
      return [];
    }
  }, [csv]);
}

/** Accepts a CSV whose header reads as a table; otherwise reports why and keeps the previous file. */
function useAcceptCsv(): (name: string, text: string) => void {
  const setCsv = useAppStore((s) => s.setCsv);
  const setAssetError = useAppStore((s) => s.setAssetError);
  const setParam = useAppStore((s) => s.setParam);
  return (name, text) => {
    let columns: string[];
    try {
      columns = readCsvHeader(name, text);
    } catch (error) {
      setAssetError(messageOf(error));
      return;
    }
    // A target the new file lacks would fail the run: fall back to its last column.
    const target = useAppStore.getState().params.target;
    const lower = columns.map((c) => c.toLowerCase());
    if (target !== '' && !target.split(',').every((t) => lower.includes(t.trim().toLowerCase())))
      setParam('target', '');
    setCsv({ name, text });
  };
}

function CsvUpload() {
  const csv = useAppStore((s) => s.assets.csv);
  const assetError = useAppStore((s) => s.assetError);
  const setAssetError = useAppStore((s) => s.setAssetError);
  const columns = useCsvColumns();
  const accept = useAcceptCsv();
  const [dragging, setDragging] = useState(false);
  const [pasted, setPasted] = useState('');

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      checkCsvSize(file.name, file.size);
      accept(file.name, await file.text());
    } catch (error) {
      setAssetError(messageOf(error));
    }
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    void readFile(event.dataTransfer.files[0]);
  };

  return (
    <div className="control csv-upload">
      <label htmlFor="csv-file">CSV file</label>
      <div
        className={`csv-drop${dragging ? ' dragging' : ''}`}
        data-testid="csv-drop"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <input
          id="csv-file"
          type="file"
          accept=".csv,text/csv,text/plain"
          data-testid="csv-file"
          onChange={(event) => {
            void readFile(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
        <span className="muted">or drop a file here (header row, numbers; up to {MAX_CSV_BYTES / 2 ** 20} MB)</span>
      </div>
      <details className="csv-paste">
        <summary>paste CSV</summary>
        <textarea
          data-testid="csv-paste"
          rows={5}
          spellCheck={false}
          placeholder={'x1,x2,y\n0.5,1.2,3.4\n...'}
          value={pasted}
          onChange={(event) => setPasted(event.target.value)}
        />
        <button
          type="button"
          data-testid="csv-paste-apply"
          disabled={pasted.trim() === ''}
          onClick={() => accept('pasted CSV', pasted)}
        >
          use pasted CSV
        </button>
      </details>
      <div className="muted" data-testid="csv-current">
        {csv ? `Training on ${csv.name} (${columns.length} columns).` : 'No file yet.'}
      </div>
      {assetError && (
        <div className="field-error" role="alert" data-testid="csv-error">
          {assetError}
          {csv ? ` Still using ${csv.name}.` : ''}
        </div>
      )}
    </div>
  );
}

/** The target column: a select over the table's columns ('' = the natural target). */
function TargetControl({ columns, fallback }: { columns: readonly string[]; fallback: string | undefined }) {
  const value = useAppStore((s) => s.params.target);
  const setParam = useAppStore((s) => s.setParam);
  const spec = PARAMS.target;
  const options = value !== '' && !columns.includes(value) ? [...columns, value] : columns;
  return (
    <div className="control" title={spec.help}>
      <label htmlFor="param-target">{spec.label}</label>
      <select
        id="param-target"
        data-testid="param-target"
        value={value}
        onChange={(event) => setParam('target', event.target.value)}
      >
        <option value="">{fallback ? `${fallback} (default)` : 'last column'}</option>
        {options.map((column) => (
          <option key={column} value={column}>
            {column}
          </option>
        ))}
      </select>
    </div>
  );
}

export function TabularControls() {
  const data = useAppStore((s) => s.params.data);
  const csvColumns = useCsvColumns();
  if (data === 'digits')
    return (
      <>
        <NumberControl name="px" />
        <NumberControl name="n" />
        <NumberControl name="ntest" />
        <ChoiceControl name="task" />
        <ToggleControl name="std" />
      </>
    );
  const columns = data === 'boston' ? BOSTON_COLUMNS : data === 'iris' ? IRIS_COLUMNS : csvColumns;
  const fallback = data === 'boston' ? BOSTON_TARGET : data === 'iris' ? IRIS_TARGET : csvColumns.at(-1);
  return (
    <>
      {data === 'csv' && <CsvUpload />}
      <TargetControl columns={columns} fallback={fallback} />
      <ChoiceControl name="task" />
      <ToggleControl name="std" />
      <NumberControl name="split" />
    </>
  );
}
