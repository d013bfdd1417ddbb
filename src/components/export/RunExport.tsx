/**
 * The run, out of the page: Download JSON (what `rfm preset` writes), Download CSV (one row per iteration,
 * sweep point or phase-grid cell), Copy command (the `npx rfm preset ...` line that reproduces it) and
 * Download Python (a numpy script with the data inline that trains the same RFM). Every kind of run exports
 * its JSON and CSV once it has results (export/resultsExport.ts); the Python script is an RFM run's.
 */
import { useState } from 'react';
import { optionsFromParams } from '../../experiments/options';
import { reproduceCommand } from '../../export/command';
import { pythonScript } from '../../export/python';
import { exportable, resultsCsv, resultsJson } from '../../export/resultsExport';
import { formatJson } from '../../export/runJson';
import { hasIterationRecords } from '../../store/results';
import { useAppStore } from '../../store/store';
import { download } from './download';
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
  const { params, assets } = useAppStore.getState();
  const records = selectRecords(useAppStore.getState());
  // The same data the worker trained on, rebuilt from the same parameters (data/ is deterministic).
  const { datasetFromParams } = await import('../../data/sources/registry');
  const data = await datasetFromParams(params, assets);
  const options = optionsFromParams(params);
  const script = pythonScript({
    data,
    options,
    appTestMse: records.map((r) => r.testMse),
    description: `preset ${params.preset}`,
    command: reproduceCommand(params, { csv: assets.csv?.name }),
  });
  download(`${fileStem()}.py`, script, 'text/x-python');
}

export function RunExport() {
  const hasResults = useAppStore((s) => exportable(s.results));
  const rfmRun = useAppStore((s) => hasIterationRecords(s.results));
  const command = useAppStore((s) => reproduceCommand(s.params, { csv: s.assets.csv?.name }));
  const [note, setNote] = useState<string | null>(null);
  const copy = () =>
    navigator.clipboard.writeText(command).then(
      () => setNote('command copied'),
      () => setNote(command),
    );
  const python = () =>
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
      <button
        type="button"
        onClick={python}
        disabled={!hasResults || !rfmRun}
        // ConvRFM's reference script is scripts/convrfm_reference.py; a sweep's or lin-RFM's has no script yet.
        title={rfmRun ? undefined : 'The Python script trains one RFM run; Copy command reproduces this one'}
      >
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
