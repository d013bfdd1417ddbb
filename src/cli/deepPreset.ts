/**
 * Runs Deep RFM for the CLI (rfm preset neural-collapse, rfm fit --deep) and builds its JSON: per layer of
 * the AGOP stack and of the control (M = I), NC1 and NC2 of X_l, X_l M_l^(1/2) and X_{l+1}, and M_l's
 * eigenvalues (docs/deeprfm.md).
 */
import { readFile } from 'node:fs/promises';
import { trainDeepRfm } from '../core/deep/deepRfm';
import type { DeepLayerRecord } from '../core/deep/deepTypes';
import { checkRunFits, cpuBackendLimits } from '../core/memory';
import { checkRunCost } from '../core/runCost';
import { DataError } from '../data/errors';
import { sourceOf } from '../data/sources/descriptors';
import { deepLayerJson as layerJson, NC1_DEFINITION, type DeepLayerJson } from '../export/deepJson';
import { deepDataFromParams, deepOptionsFromParams, deepRunShape } from '../experiments/deepExperiment';
import type { DeepCliOptions } from './deepArgs';
import { activateBackend } from './backend';

export interface DeepResult {
  kind: 'deep-rfm';
  preset: string | null;
  params: { data: string; n: number; depth: number; width: number; bandwidth: number; ridge: number; seed: number };
  backend: string;
  data: { source: string; n: number; d: number; classes: number; class_labels: string[] | null; per_class: number[] };
  nc1: string;
  layers: DeepLayerJson[];
  control: { layers: DeepLayerJson[] };
  summary: {
    /** NC1 of X_1, X_D and X_{D+1} (the output of the last layer), AGOP stack and control. */
    nc1_first: number;
    nc1_last_layer: number;
    nc1_output: number;
    control_nc1_last_layer: number;
    control_nc1_output: number;
  };
  total_ms: number;
}

function progressLine(record: DeepLayerRecord, depth: number): string {
  const { X, sqrtM_X, next } = record.collapse;
  const f = (v: number) => v.toPrecision(3);
  return (
    `${record.stack.padEnd(7)} layer ${record.layer}/${depth} (d ${record.d})  NC1 ${f(X.nc1)} -> ${f(sqrtM_X.nc1)} -> ${f(next.nc1)}` +
    `  NC2 ${f(X.nc2)} -> ${f(sqrtM_X.nc2)} -> ${f(next.nc2)}  ${(record.ms / 1000).toFixed(2)} s`
  );
}

export async function runDeep(options: DeepCliOptions, log: (line: string) => void): Promise<DeepResult> {
  const started = performance.now();
  const { params } = options;
  let csv;
  if (options.csv !== null) {
    try {
      csv = { name: options.csv, text: await readFile(options.csv, 'utf8') };
    } catch (error) {
      throw new DataError(`cannot read ${options.csv}: ${(error as Error).message}`);
    }
  }
  const backend = await activateBackend(options.backend);
  const data = await deepDataFromParams(params, csv ? { csv } : {});
  const deep = deepOptionsFromParams(params);
  const shape = deepRunShape(data, deep);
  checkRunFits(shape, cpuBackendLimits(backend));
  checkRunCost(shape);
  log(
    `Deep RFM: ${data.n} points x ${data.d} features, ${data.classes} classes; ${deep.depth} layers of width ${deep.width} on ${backend}`,
  );
  const records: DeepLayerRecord[] = [];
  for await (const record of trainDeepRfm(data, deep)) {
    records.push(record);
    log(progressLine(record, deep.depth));
  }
  const layers = records.filter((r) => r.stack === 'agop').map(layerJson);
  const control = records.filter((r) => r.stack === 'control').map(layerJson);
  const perClass = new Array<number>(data.classes).fill(0);
  data.labels.forEach((c) => perClass[c]!++);
  return {
    kind: 'deep-rfm',
    preset: options.preset,
    params: {
      data: params.data,
      n: data.n,
      depth: deep.depth,
      width: deep.width,
      bandwidth: deep.bandwidth,
      ridge: deep.ridge,
      seed: deep.seed,
    },
    backend,
    data: {
      // A source read from a file is named by its file (the descriptor says what the user brings).
      source: sourceOf(params.data).needs(params) === 'csv' ? (options.csv ?? params.data) : params.data,
      n: data.n,
      d: data.d,
      classes: data.classes,
      class_labels: data.classLabels ?? null,
      per_class: perClass,
    },
    nc1: NC1_DEFINITION,
    layers,
    control: { layers: control },
    summary: {
      nc1_first: layers[0]!.nc1_X,
      nc1_last_layer: layers.at(-1)!.nc1_X,
      nc1_output: layers.at(-1)!.nc1_next,
      control_nc1_last_layer: control.at(-1)!.nc1_X,
      control_nc1_output: control.at(-1)!.nc1_next,
    },
    total_ms: Math.round(performance.now() - started),
  };
}
