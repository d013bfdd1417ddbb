/**
 * The CSV upload (file, drop or paste). A new file replaces the last good one only once it has been
 * checked in full off the main thread (engine/csvCheckClient.ts: every cell, the target, the split), so a file
 * that fails anywhere leaves the last good file, its results and the chosen target as they were; a file without
 * the named target column is refused. A file
 * over the row limit can be sampled on request.
 */
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { tabularOptions } from '../../data/sources/source';
import {
  CSV_SAMPLE_ROWS,
  MAX_CSV_BYTES,
  checkCsvSize,
  missingTargetMessage,
  readCsvHeader,
} from '../../data/table/csvHeader';
import { checkCsvOffThread } from '../../engine/csvCheckClient';
import type { Params } from '../../params/schema';
import type { CsvCheckResult } from '../../protocol/csvCheck';
import { useAppStore } from '../../store/store';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

interface Pending {
  name: string;
  text: string;
  target: string;
}

/**
 * Checks a file in full and accepts it only if it passes; `sample` asks for a random sample of rows first.
 * A new file's task is read from its target column (data/table/detectTask.ts) and said; a task chosen
 * afterwards re-reads the last file under it, accepted or refused.
 */
function useAcceptCsv() {
  const [checking, setChecking] = useState<string | null>(null);
  const [oversized, setOversized] = useState<(Pending & { rows: number }) | null>(null);
  const [taskNote, setTaskNote] = useState<string | null>(null);
  const latest = useRef(0);
  /** The last file chosen, and the task it was last checked under. */
  const last = useRef<{ file: Pending; task: Params['task'] } | null>(null);

  const check = async (pending: Pending, sample: boolean, detectTask: boolean) => {
    const request = ++latest.current;
    const { params, setAssetError, setCsv, setParam } = useAppStore.getState();
    last.current = { file: pending, task: params.task };
    setChecking(pending.name);
    setOversized(null);
    if (!detectTask) setTaskNote(null); // the task is the one chosen now
    const result: CsvCheckResult = await checkCsvOffThread({
      name: pending.name,
      text: pending.text,
      options: { ...tabularOptions(params), target: pending.target },
      sampleRows: sample ? CSV_SAMPLE_ROWS : null,
      detectTask,
    });
    if (request !== latest.current) return; // a newer file is being checked
    setChecking(null);
    if (!result.ok) {
      setAssetError(result.message);
      if (result.tooManyRows !== null) setOversized({ ...pending, rows: result.tooManyRows });
      return;
    }
    if (pending.target !== params.target) setParam('target', pending.target);
    if (result.detected) {
      last.current = { file: pending, task: result.detected.task };
      if (result.detected.task !== params.task) setParam('task', result.detected.task);
      setTaskNote(`Task: ${result.detected.task}, since ${result.detected.reason}.`);
    }
    // The row count lets the page plan an AGOP tree (docs/trees.md) before the worker parses the file again.
    setCsv({ name: result.name, text: result.text, rows: result.rows });
  };

  // The task changed (by hand): read the last file again under it.
  const task = useAppStore((s) => s.params.task);
  useEffect(() => {
    if (last.current && last.current.task !== task) void check(last.current.file, false, false);
  }, [task]); // check reads the store when it runs

  const accept = (name: string, text: string) => {
    const { params, setAssetError } = useAppStore.getState();
    let columns: string[];
    try {
      columns = readCsvHeader(name, text); // cheap: turns away what is no table at once
    } catch (error) {
      latest.current++;
      setChecking(null);
      setAssetError(messageOf(error));
      return;
    }
    // A named target the file lacks is refused, not swapped for the file's last column.
    const missing = missingTargetMessage(name, columns, params.target);
    if (missing !== null) {
      latest.current++;
      setChecking(null);
      setAssetError(missing);
      return;
    }
    void check({ name, text, target: params.target }, false, true);
  };
  const sample = () => {
    if (oversized) void check(oversized, true, true);
  };
  return { accept, sample, checking, oversized, taskNote };
}

export function CsvUpload({ columns }: { columns: string[] }) {
  const csv = useAppStore((s) => s.assets.csv);
  const assetError = useAppStore((s) => s.assetError);
  // A shared link to a CSV run names its file; the rows stayed with the sender.
  const sharedFile = useAppStore((s) => s.view.file);
  const setAssetError = useAppStore((s) => s.setAssetError);
  const { accept, sample, checking, oversized, taskNote } = useAcceptCsv();
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
          aria-label="CSV text"
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
      {!csv && sharedFile && (
        <p className="warn" role="note" data-testid="csv-shared">
          This link shares a run on {sharedFile}: its rows stayed on the sender’s machine (a link carries the settings,
          never the data). Upload {sharedFile} to train on it.
        </p>
      )}
      <div className="muted" data-testid="csv-current" role="status">
        {checking
          ? `Checking ${checking}…`
          : csv
            ? `Training on ${csv.name} (${columns.length} columns).`
            : 'No file yet.'}
      </div>
      {taskNote && !checking && (
        <div className="muted" data-testid="csv-task">
          {taskNote}
        </div>
      )}
      {assetError && (
        <div className="field-error" role="alert" data-testid="csv-error">
          {assetError}
          {csv ? ` Still using ${csv.name}.` : ''}
          {oversized && (
            <button type="button" className="retry" onClick={sample}>
              Use a random {CSV_SAMPLE_ROWS.toLocaleString('en-US')} of its {oversized.rows.toLocaleString('en-US')}{' '}
              rows
            </button>
          )}
        </div>
      )}
    </div>
  );
}
