/**
 * The run, out of the page: Download JSON (what `rfm preset` writes), Download CSV (one row per iteration),
 * Copy command (the `npx rfm preset ...` line that reproduces it) and Download Python (a numpy script with
 * the data inline that trains the same RFM). Files are offered once the run has records.
 */
import { useState } from 'react';
import { optionsFromParams } from '../../experiments/options';
import { reproduceCommand } from '../../export/command';
import { pythonScript } from '../../export/python';
import { convRunCsv, convRunJson } from '../../export/convJson';
import { runToCsv } from '../../export/runCsv';
import { formatJson, runResult } from '../../export/runJson';
import { useAppStore } from '../../store/store';
import { download } from './download';
import { selectRecords } from '../../store/selectors';

const fileStem = () => `rfm-${useAppStore.getState().params.preset}`;

/** A ConvRFM run's results (docs/convrfm.md), once it has said what it trains on; null for another job. */
function convResults() {
  const { results } = useAppStore.getState();
  return results.kind === 'convrfm' && results.summary ? { ...results, summary: results.summary } : null;
}

function downloadJson() {
  const state = useAppStore.getState();
  const conv = convResults();
  if (conv) {
    const json = convRunJson(state.params, conv.summary, conv.records, conv.lines, conv.records[0]?.backend ?? '');
    download(`${fileStem()}.json`, `${formatJson(json)}\n`, 'application/json');
    return;
  }
  const { params, dataset, backend, assets } = state;
  const records = selectRecords(state);
  if (!dataset) return;
  const result = runResult(params, records, dataset, backend?.name ?? records[0]?.backend ?? '', assets.csv?.name);
  download(`${fileStem()}.json`, `${formatJson(result)}\n`, 'application/json');
}

function downloadCsv() {
  const conv = convResults();
  if (conv) {
    download(`${fileStem()}.csv`, convRunCsv(conv.records, conv.lines, conv.summary), 'text/csv');
    return;
  }
  download(`${fileStem()}.csv`, runToCsv(selectRecords(useAppStore.getState())), 'text/csv');
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
  const hasRecords = useAppStore(
    (s) => selectRecords(s).length > 0 || (s.results.kind === 'convrfm' && s.results.records.length > 0),
  );
  // The Python script trains the kernel RFM; ConvRFM's reference is scripts/convrfm_reference.py.
  const python = useAppStore((s) => s.results.kind !== 'convrfm');
  const command = useAppStore((s) => reproduceCommand(s.params, { csv: s.assets.csv?.name }));
  const [note, setNote] = useState<string | null>(null);
  const copy = () =>
    navigator.clipboard.writeText(command).then(
      () => setNote('command copied'),
      () => setNote(command),
    );
  const toPython = () =>
    downloadPython().then(
      () => setNote(null),
      (error: unknown) => setNote(`Python export failed: ${error instanceof Error ? error.message : String(error)}`),
    );
  return (
    <section className="run-export" aria-label="export the run">
      <button type="button" onClick={downloadJson} disabled={!hasRecords}>
        Download JSON
      </button>
      <button type="button" onClick={downloadCsv} disabled={!hasRecords}>
        Download CSV
      </button>
      <button type="button" onClick={toPython} disabled={!hasRecords || !python}>
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
