/**
 * Download JSON and Download CSV for every kind of run (the job decides, store/results.ts): an RFM run's
 * iterations (runJson.ts, runCsv.ts), a sweep's points (sweepJson.ts), a lin-RFM run's iterations or the
 * phase grid's cells (linrfmJson.ts), a ConvRFM run's iterations and comparisons (convJson.ts), the catapults
 * sweep's runs step by step (catapultJson.ts), a Deep RFM run's layers (deepJson.ts). The JSON is what
 * `rfm preset` writes for the same parameters; the CSV is one row per iteration, point, cell, step or layer.
 * Tree runs export nothing from the page yet: `exportable` says so.
 */
import { appliedParams } from '../data/sources/applies';
import type { Params } from '../params/schema';
import type { DatasetSummary } from '../protocol/messages';
import type { Results } from '../store/results';
import { catapultCaption } from '../experiments/catapultCaption';
import { catapultRunsOf } from '../store/catapultRuns';
import { catapultRunJson, catapultRunsCsv } from './catapultJson';
import { convRunCsv, convRunJson } from './convJson';
import { csvField } from './csvField';
import { deepRows, deepRunJson } from './deepJson';
import { linRfmResultJson } from './linrfmJson';
import { runToCsv } from './runCsv';
import { runResult } from './runJson';
import { sweepPointJson } from './sweepJson';

export interface ExportContext {
  params: Params;
  dataset: DatasetSummary | null;
  backend: string;
  /** The uploaded CSV's name, for a run on the user's file. */
  file?: string;
}

const datasetJson = (dataset: DatasetSummary, params: Params, file: string | undefined) => ({
  n_train: dataset.nTrain,
  n_test: dataset.nTest,
  d: dataset.d,
  c: dataset.c,
  layout: dataset.layout.kind,
  feature_names: dataset.featureNames,
  ...(params.data === 'csv' && file !== undefined ? { file } : {}),
});

/** Whether Download JSON and CSV have something to write for these results. */
export function exportable(results: Results): boolean {
  switch (results.kind) {
    case 'rfm':
    case 'rfm+nn':
      return results.records.length > 0;
    case 'sweep':
      return results.points.length > 0;
    case 'linrfm':
    case 'linrfm-phase':
    case 'convrfm':
      return results.summary !== null && results.records.length > 0;
    case 'catapults':
      return results.runs.some((run) => run.steps.length > 0);
    case 'deep-rfm':
      return results.summary !== null && results.layers.length > 0;
    case 'tree':
      return false;
  }
}

/** The run's JSON document, or null while it has nothing to write (no dataset or lin-RFM problem yet). */
export function resultsJson(results: Results, { params, dataset, backend, file }: ExportContext): object | null {
  switch (results.kind) {
    case 'rfm':
    case 'rfm+nn':
      return dataset ? runResult(params, results.records, dataset, backend, file) : null;
    case 'sweep':
      return {
        preset: params.preset,
        params: appliedParams(params),
        backend,
        // The data of the first point (a sweep over d or n changes it from point to point).
        data: dataset ? datasetJson(dataset, params, file) : null,
        iterations: [],
        summary: null,
        metrics: { sweep: { param: results.job.sweep.param, points: results.points.map(sweepPointJson) } },
      };
    case 'linrfm':
    case 'linrfm-phase': {
      if (!results.summary) return null;
      const totalMs = results.records.reduce(
        (sum, { kind, record }) =>
          sum + (kind === 'phase' ? 0 : Object.values(record.timings).reduce((a, b) => a + b, 0)),
        0,
      );
      return {
        preset: params.preset,
        params,
        backend,
        ...linRfmResultJson(results.summary, results.records, params.iters),
        summary: null,
        total_ms: Math.round(totalMs),
      };
    }
    case 'convrfm':
      return results.summary
        ? convRunJson(params, results.summary, results.records, results.lines, results.records[0]?.backend ?? backend)
        : null;
    case 'catapults': {
      // What `rfm preset catapults` writes; the caption is the app's, in the present tense until every run is done.
      const runs = catapultRunsOf(results);
      const finished = runs.length === results.job.runs.length && runs.every((r) => r.done);
      const progress = finished ? undefined : { plannedRuns: results.job.runs.length, steps: params.sgdsteps };
      return {
        preset: params.preset,
        params,
        backend,
        runs: runs.map(catapultRunJson),
        caption: catapultCaption(runs, progress),
      };
    }
    case 'deep-rfm':
      return results.summary
        ? deepRunJson(
            params,
            results.summary,
            results.layers.map((l) => l.record),
            backend,
            file,
          )
        : null;
    case 'tree':
      return null;
  }
}

/** The run's CSV: one row per iteration of a run, per point of a sweep, per cell of the phase grid. */
export function resultsCsv(results: Results): string {
  switch (results.kind) {
    case 'rfm':
    case 'rfm+nn':
      return runToCsv(results.records);
    case 'sweep':
      return tableCsv(results.points.map(sweepPointJson));
    case 'linrfm':
    case 'linrfm-phase':
      return results.summary
        ? tableCsv(linRfmResultJson(results.summary, results.records, results.records.length).iterations)
        : '';
    case 'convrfm':
      return results.summary ? convRunCsv(results.records, results.lines, results.summary) : '';
    case 'catapults':
      return catapultRunsCsv(catapultRunsOf(results));
    case 'deep-rfm':
      return tableCsv(deepRows(results.layers.map((l) => l.record)));
    case 'tree':
      return '';
  }
}

/** Rows of JSON records as CSV: their scalar fields (timings_ms spread to one column per phase), arrays left out. */
export function tableCsv(rows: readonly Record<string, unknown>[]): string {
  const flat = rows.map((row) => {
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(row)) {
      if (key === 'timings_ms' && value !== null && typeof value === 'object')
        for (const [phase, ms] of Object.entries(value)) out[`${phase}_ms`] = cell(ms);
      else if (value === null || typeof value !== 'object') out[key] = cell(value);
    }
    return out;
  });
  const header = Object.keys(flat[0] ?? {});
  return `${[header.join(','), ...flat.map((row) => header.map((k) => row[k] ?? '').join(','))].join('\n')}\n`;
}

function cell(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? '1' : '0';
  return typeof value === 'string' ? csvField(value) : '';
}
