/**
 * Controls of real tabular data (an uploaded CSV, Boston, Iris, digits): the CSV upload (./CsvUpload.tsx),
 * the target column, the task, standardisation and the test share; image side and sample sizes for
 * digits. Only the header line of the current CSV is read here, to list its columns.
 */
import { useMemo } from 'react';
import { BOSTON_COLUMNS, BOSTON_TARGET, IRIS_COLUMNS, IRIS_TARGET } from '../../data/builtin/columns';
import { readCsvHeader } from '../../data/table/csvHeader';
import { PARAMS } from '../../params/schema';
import { useAppStore } from '../../store/store';
import { ChoiceControl, ToggleControl } from '../controls/ChoiceControl';
import { NumberControl } from '../controls/NumberControl';
import { CsvUpload } from './CsvUpload';

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
      {data === 'csv' && <CsvUpload columns={csvColumns} />}
      <TargetControl columns={columns} fallback={fallback} />
      <ChoiceControl name="task" />
      <ToggleControl name="std" />
      <NumberControl name="split" />
    </>
  );
}
