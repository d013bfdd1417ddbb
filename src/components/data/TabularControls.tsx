/**
 * Controls of real tabular data that are not one parameter's: the CSV upload (./CsvUpload.tsx) and the
 * target column over the table's columns (the source's own, or the CSV's header). Which of them a source
 * shows is its descriptor's (data/sources/registry.ts). Only the header line of the current CSV is read here.
 */
import { useMemo } from 'react';
import { sourceOf } from '../../data/sources/descriptors';
import { readCsvHeader } from '../../data/table/csvHeader';
import { PARAMS } from '../../params/schema';
import { useAppStore } from '../../store/store';
import { CsvImageOffer } from './CsvImageOffer';
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

/** The target column of the current table: the source's own columns (Boston, Iris), else the CSV's header. */
export function TableTargetControl() {
  const data = useAppStore((s) => s.params.data);
  const csvColumns = useCsvColumns();
  const fixed = sourceOf(data).columns;
  return <TargetControl columns={fixed?.names ?? csvColumns} fallback={fixed ? fixed.target : csvColumns.at(-1)} />;
}

/** The CSV upload, listing the current file's columns. */
export function TableCsvUpload() {
  const columns = useCsvColumns();
  return (
    <>
      <CsvUpload columns={columns} />
      <CsvImageOffer columns={columns} />
    </>
  );
}
