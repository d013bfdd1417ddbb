/**
 * The run, out of the page: Download JSON (what `rfm preset` writes), Download CSV (one row per iteration,
 * sweep point or phase-grid cell), Copy command (the `npx rfm preset ...` line that reproduces it) and
 * Download Python (a numpy script with the run's data inline that reruns it and prints its numbers beside the
 * app's; per kind in ./pythonKinds.ts). Every kind of run exports its JSON and CSV once it has results
 * (export/resultsExport.ts).
 */
import { useState } from 'react';
import { reproduceCommand } from '../../export/command';
import { exportable, resultsCsv, resultsJson } from '../../export/resultsExport';
import { formatJson } from '../../export/runJson';
import { useAppStore } from '../../store/store';
import { download } from './download';
import { PYTHON_BY_KIND } from './pythonKinds';
import { selectRecords } from '../../store/selectors';

const fileStem = () => `rfm-${useAppStore.getState().params.preset}`;

function downloadJson() {
  const { params, dataset, backend, assets, results } = useAppStore.getState();
  const records = selectRecords(useAppStore.getState());
  const json = resultsJson(results, {
    params,
    dataset,
    backend: backend?.name ?? records[0]?.backend ?? '',
    file: assets.csv?.name,
  });
  if (json) download(`${fileStem()}.json`, `${formatJson(json)}\n`, 'application/json');
}

function downloadCsv() {
  download(`${fileStem()}.csv`, resultsCsv(useAppStore.getState().results), 'text/csv');
}

async function downloadPython() {
  const { params, runParams, assets, results } = useAppStore.getState();
  const { script } = PYTHON_BY_KIND[results.kind];
  if (!script) return;
  // The parameters the results were produced with (the form may have moved on since).
  download(`${fileStem()}.py`, await script({ params: runParams ?? params, assets, results }), 'text/x-python');
}

export function RunExport() {
  const hasResults = useAppStore((s) => exportable(s.results));
  const python = PYTHON_BY_KIND[useAppStore((s) => s.results.kind)];
  const command = useAppStore((s) => reproduceCommand(s.params, { csv: s.assets.csv?.name }));
  const [note, setNote] = useState<string | null>(null);
  const copy = () =>
    navigator.clipboard.writeText(command).then(
      () => setNote('command copied'),
      () => setNote(command),
    );
  const downloadScript = () =>
    downloadPython().then(
      () => setNote(null),
      (error: unknown) => setNote(`Python export failed: ${error instanceof Error ? error.message : String(error)}`),
    );
  return (
    <section className="run-export" aria-label="export the run">
      <button type="button" onClick={downloadJson} disabled={!hasResults}>
        Download JSON
      </button>
      <button type="button" onClick={downloadCsv} disabled={!hasResults}>
        Download CSV
      </button>
      <button type="button" onClick={downloadScript} disabled={!hasResults || !python.script} title={python.title}>
        Download Python
      </button>
      <button type="button" onClick={copy} title={command}>
        Copy command
      </button>
      {note && (
        <span className="muted" role="status">
          {note}
        </span>
      )}
    </section>
  );
}
