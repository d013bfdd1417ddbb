/**
 * Where the kept runs live: how much browser storage they take of the budget, and buttons to clear them,
 * export them all as one JSON file and import such a file. Problems (a failed save, a bad file) are shown
 * here; the runs in memory are never touched by a failure.
 */
import { useRef, useState } from 'react';
import { ImportError, exportRuns, importRuns } from '../../store/runs/serialise';
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
    try {
      useAppStore.getState().runsAdded(importRuns(await file.text()));
      setFileError(null);
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      setFileError(`Could not import ${file.name}: ${error.message}.`);
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
      {(storageError ?? fileError) && (
        <p role="alert" className="storage-error">
          {storageError ?? fileError}
        </p>
      )}
    </div>
  );
}
