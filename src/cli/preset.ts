/**
 * `rfm preset <name> [--set key=value ...]`: runs one of the papers' experiments by name, with the same
 * parameter names the app and its URL use, and writes the same JSON as `rfm fit` plus the preset's own
 * metrics (accuracy, circulant deviation and alignment for grokking, n-gram baselines for text, the sweep
 * for the scaling test).
 */
import { readFile } from 'node:fs/promises';
import { trainRfm, type Dataset, type IterationRecord } from '../core';
import { checkRunFits, cpuBackendLimits } from '../core/memory';
import { checkRunCost } from '../core/runCost';
import { DataError } from '../data/errors';
import { datasetFromParams, type DataAssets } from '../data/sources/registry';
import { optionsFromParams } from '../experiments/options';
import { runSweep } from '../experiments/sweep';
import { jobFromParams } from '../jobs/job';
import { presetParams } from '../params/presets';
import type { Params } from '../params/schema';
import type { PresetOptions } from './args';
import { activateBackend } from './backend';
import { NEURAL_COLLAPSE } from './deepArgs';
import { UsageError } from './usageError';
import { presetMetrics, type PresetResult as RunResult } from '../export/runJson';
import { networkReport, type NnJson } from './nnReport';
import { runLinRfmPreset } from './linrfmPreset';
import { runInterpolationPreset, type InterpolationJson } from './interpolationPreset';
import { sweepPointJson } from '../export/sweepJson';
import { iterationToJson, progressLine, runSummary } from './report';
import { runTree, type TreeRunJson } from './treeFit';

/** The run JSON (export/runJson.ts) plus, with params.model = 'rfm+nn', the network trained beside the RFM. */
export type PresetResult = RunResult & { nn?: NnJson };

/** The parameters a preset run uses: the preset's values, then each --set over them. */
export function presetRunParams(options: PresetOptions): Params {
  return { ...presetParams(options.preset), ...options.set, preset: options.preset };
}

async function readAssets(options: PresetOptions): Promise<DataAssets> {
  const read = async (path: string) => {
    try {
      return await readFile(path, 'utf8');
    } catch (error) {
      throw new DataError(`cannot read ${path}: ${(error as Error).message}`);
    }
  };
  return {
    ...(options.csv ? { csv: { name: options.csv, text: await read(options.csv) } } : {}),
    ...(options.text ? { text: await read(options.text) } : {}),
  };
}

/** A lin-RFM preset (docs/linrfm.md) describes its problem and iterations its own way (linrfmPreset.ts). */
export type LinRfmPresetResult = Omit<PresetResult, 'data' | 'iterations'> &
  Awaited<ReturnType<typeof runLinRfmPreset>>;

/** A ConvRFM preset's JSON (convPreset.ts). */
export type ConvPresetResult = Awaited<ReturnType<typeof import('./convPreset').runConvPreset>>;
/** The catapults sweep's JSON (catapultPreset.ts). */
export type CatapultPresetResult = Awaited<ReturnType<typeof import('./catapultPreset').runCatapultPreset>>;
/** An AGOP tree (docs/trees.md): a preset whose n is over the leaf size writes the tree's JSON. */
export type TreePresetResult = TreeRunJson & { preset: string; params: Params; backend: string; total_ms: number };

/** The interpolation preset's sweep over n (docs/interpolation.md). */
export type InterpolationPresetResult = Pick<PresetResult, 'preset' | 'params' | 'backend' | 'total_ms'> &
  InterpolationJson;

export async function runPreset(
  options: PresetOptions,
  log: (line: string) => void,
): Promise<
  | PresetResult
  | LinRfmPresetResult
  | ConvPresetResult
  | InterpolationPresetResult
  | TreePresetResult
  | CatapultPresetResult
> {
  const started = performance.now();
  const params = presetRunParams(options);
  const assets = await readAssets(options);
  const backend = await activateBackend(options.backend);
  const job = jobFromParams(params);
  // The app runs this preset once (the predictor shows the spikes); the CLI runs its sweep over n.
  if (options.preset === 'interpolation' && job.kind === 'rfm') {
    log(`preset interpolation: the sweep over n on ${backend}`);
    const result = await runInterpolationPreset(params, log);
    return { preset: options.preset, params, backend, ...result, total_ms: Math.round(performance.now() - started) };
  }
  if (job.kind === 'linrfm' || job.kind === 'linrfm-phase') {
    log(`preset ${options.preset}: lin-RFM ${params.linrfm} on ${backend}`);
    const result = await runLinRfmPreset(job, params, log);
    return {
      preset: options.preset,
      params,
      backend,
      ...result,
      summary: null,
      total_ms: Math.round(performance.now() - started),
    };
  }
  // Deep RFM writes its own JSON (layers, control): its preset and `fit --deep` parse and run in
  // deepArgs.ts / deepPreset.ts, so a --set that made another preset deep is refused by the schema.
  if (job.kind === 'deep-rfm')
    throw new UsageError(
      `Deep RFM runs as rfm preset ${NEURAL_COLLAPSE} (or rfm fit --deep), not as ${options.preset}`,
    );
  if (job.kind === 'convrfm') {
    // ConvRFM (docs/convrfm.md) writes its own JSON: records of patch filters, the plain RFM and layer 2 beside it.
    const { runConvPreset } = await import('./convPreset');
    return runConvPreset({ ...options, preset: 'convrfm' }, log);
  }
  if (job.kind === 'catapults') {
    // The catapults sweep (docs/catapults.md) writes its own JSON: per run its steps and spikes, and a caption.
    const { runCatapultPreset } = await import('./catapultPreset');
    return runCatapultPreset({ ...options, preset: 'catapults' }, log);
  }
  if (job.kind === 'tree') {
    const data = await datasetFromParams(params, assets);
    const tree = await runTree(data, optionsFromParams(params), job.leafSize, backend, log);
    return { preset: options.preset, params, backend, ...tree, total_ms: Math.round(performance.now() - started) };
  }
  // The kernel RFM's kinds from here on; a new kind of job (jobs/job.ts) fails to compile until it has a branch.
  if (job.kind !== 'sweep' && job.kind !== 'rfm' && job.kind !== 'rfm+nn') {
    const unhandled: never = job;
    throw new Error(`rfm preset cannot run a job of kind ${(unhandled as { kind: string }).kind}`);
  }
  const data = await datasetFromParams(params, assets);
  const limits = cpuBackendLimits(backend);
  const shape = { n: data.nTrain, nTest: data.nTest, d: data.d, c: data.c };
  checkRunFits(shape, limits);
  checkRunCost(shape);
  const summary = {
    n_train: data.nTrain,
    n_test: data.nTest,
    d: data.d,
    c: data.c,
    layout: data.layout?.kind ?? 'vector',
    feature_names: data.featureNames ?? [],
  };
  log(`preset ${options.preset}: ${data.nTrain} x ${data.d} -> ${data.c} (test ${data.nTest}) on ${backend}`);

  if (job.kind === 'sweep') {
    const { sweep } = job;
    const points = [];
    const beforeRun = (point: Dataset) => {
      const pointShape = { n: point.nTrain, nTest: point.nTest, d: point.d, c: point.c };
      checkRunFits(pointShape, limits);
      checkRunCost(pointShape);
    };
    for await (const point of runSweep(params, assets, sweep, { beforeRun })) {
      log(
        `${sweep.param} = ${point.value}: test MSE ${point.baselineTestMse?.toExponential(3)} (baseline) -> ${point.finalTestMse?.toExponential(3)} (RFM)`,
      );
      points.push(sweepPointJson(point));
    }
    return {
      preset: options.preset,
      params,
      backend,
      data: summary,
      iterations: [],
      summary: null,
      metrics: { sweep: { param: sweep.param, points } },
      total_ms: Math.round(performance.now() - started),
    };
  }

  const rfm = optionsFromParams(params);
  const records: IterationRecord[] = [];
  for await (const record of trainRfm(data, rfm)) {
    records.push(record);
    log(progressLine(record, rfm.iterations));
  }
  const nn = job.kind === 'rfm+nn' ? await networkReport(data, params, records.at(-1)?.M ?? null, log) : undefined;
  return {
    preset: options.preset,
    params,
    backend,
    data: summary,
    iterations: records.map(iterationToJson),
    summary: runSummary(records, rfm.iterations),
    metrics: presetMetrics(data, records),
    ...(nn ? { nn } : {}),
    total_ms: Math.round(performance.now() - started),
  };
}
