/**
 * Where the kept runs live: how much browser storage they take of the budget, and buttons to clear them,
 * export them all as one JSON file and import such a file. Problems (a failed save, a bad file) are shown
 * here; the runs in memory are never touched by a failure.
 */
import { useRef, useState } from 'react';
import { ImportError, MAX_IMPORT_FILE_BYTES, exportRuns, importRuns } from '../../store/runs/serialise';
import { selectRunsBytes } from '../../store/runs/runSelectors';
import { useAppStore } from '../../store/store';

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function StorageBar() {
  const count = useAppStore((s) => s.runs.length);
  const bytes = useAppStore(selectRunsBytes);
  const budget = useAppStore((s) => s.runsBudget);
  const storageError = useAppStore((s) => s.storageError);
  const overBudget = useAppStore((s) => s.overBudget);
  const overRun = useAppStore((s) => s.runs.find((r) => r.id === s.overBudget?.runId));
  const [fileError, setFileError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const onExport = () => {
    const blob = new Blob([exportRuns(useAppStore.getState().runs)], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = 'rfm-runs.json';
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
  };
  const onImport = async (file: File) => {
    // The file's name is shown as text only, and shortened.
    const name = file.name.length > 60 ? `${file.name.slice(0, 60)}…` : file.name;
    try {
      if (file.size > MAX_IMPORT_FILE_BYTES)
        throw new ImportError(
          `the file is ${formatBytes(file.size)}; a runs file may be at most ${formatBytes(MAX_IMPORT_FILE_BYTES)}`,
        );
      const refused = useAppStore.getState().runsImported(importRuns(await file.text()));
      setFileError(refused && `Could not import ${name}: ${refused}.`);
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      setFileError(`Could not import ${name}: ${error.message}.`);
    }
  };

  return (
    <div className="storage-bar">
      <span data-testid="runs-usage" data-bytes={bytes}>
        {count} {count === 1 ? 'run' : 'runs'}, {formatBytes(bytes)} of {formatBytes(budget)} (oldest unpinned go first)
      </span>
      <button type="button" onClick={onExport} disabled={count === 0}>
        export runs
      </button>
      <button type="button" onClick={() => fileInput.current?.click()}>
        import runs
      </button>
      <input
        ref={fileInput}
        type="file"
        accept="application/json,.json"
        aria-label="runs file to import"
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void onImport(file);
          e.target.value = '';
        }}
      />
      <button
        type="button"
        disabled={count === 0}
        onClick={() => {
          if (window.confirm(`Delete all ${count} kept runs, pinned ones too?`)) useAppStore.getState().clearRuns();
        }}
      >
        clear runs
      </button>
      {overBudget && overRun && (
        <p role="alert" className="storage-error">
          Pinned runs take {formatBytes(overBudget.pinnedBytes)} of the {formatBytes(budget)} budget, so the run just
          kept, {overRun.name}, puts storage {formatBytes(overBudget.over)} over it. Keep it anyway?{' '}
          <button type="button" onClick={() => useAppStore.getState().keepOverBudget()}>
            keep it
          </button>{' '}
          <button type="button" onClick={() => useAppStore.getState().deleteRun(overBudget.runId)}>
            delete it
          </button>
        </p>
      )}
      {(storageError ?? fileError) && (
        <p role="alert" className="storage-error">
          {storageError ?? fileError}{' '}
          <button
            type="button"
            onClick={() => (storageError ? useAppStore.getState().setStorageError(null) : setFileError(null))}
          >
            dismiss
          </button>
        </p>
      )}
    </div>
  );
}
