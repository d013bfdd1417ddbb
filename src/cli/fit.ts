/**
 * `rfm fit`: reads the CSV files, builds the Dataset through the app's tabular pipeline
 * (data/table/csvFilesDataset.ts: the same checks, text class labels and error texts as an uploaded file),
 * runs trainRfm on the chosen backend and collects every iteration into one JSON-ready result. Data
 * problems surface as DataError with a message for the user.
 */
import { open, readFile, rm, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { checkRunFits, cpuBackendLimits } from '../core/memory';
import { checkRunCost } from '../core/runCost';
import { trainRfm } from '../core/rfm';
import type { IterationRecord, RfmOptions } from '../core/types';
import { DataError } from '../data/errors';
import { datasetFromCsvFiles } from '../data/table/csvFilesDataset';
import { maxTableRows } from '../data/table/csvHeader';
import { needsTree } from '../core/tree/treeLimits';
import type { FitOptions } from './args';
import { activateBackend } from './backend';
import { fitDataJson, type FitDataJson } from './fitData';
import { fitTree, type TreeFitResult } from './treeFit';
import { iterationToJson, progressLine, runSummary, type IterationJson } from './report';

export interface FitResult {
  options: RfmOptions;
  backend: string;
  data: FitDataJson;
  iterations: IterationJson[];
  summary: ReturnType<typeof runSummary>;
  total_ms: number;
}

const FILE_PROBLEMS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of the path is not a folder',
};

function describeFileError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code && Object.hasOwn(FILE_PROBLEMS, code)) return FILE_PROBLEMS[code]!;
  return error instanceof Error ? error.message : String(error);
}

export async function readText(path: string): Promise<string> {
  try {
    return await readFile(resolve(path), 'utf8');
  } catch (error) {
    throw new DataError(`cannot read ${path}: ${describeFileError(error)}`);
  }
}

/**
 * Fails before a long fit rather than after it when the output cannot be written: the folder does not exist,
 * the path is a folder, or opening it for writing fails (permissions, a read-only file system). The file is
 * opened for appending, so an existing one is not truncated, and removed again if this made it.
 */
export async function checkWritable(path: string): Promise<void> {
  const folder = dirname(resolve(path));
  const info = await stat(folder).catch(() => null);
  if (!info?.isDirectory()) throw new DataError(`cannot write ${path}: the folder ${folder} does not exist`);
  const existing = await stat(resolve(path)).catch(() => null);
  if (existing?.isDirectory()) throw new DataError(`cannot write ${path}: it is a folder`);
  try {
    await (await open(resolve(path), 'a')).close();
    if (!existing) await rm(resolve(path), { force: true });
  } catch (error) {
    throw new DataError(`cannot write ${path}: ${describeFileError(error)}`);
  }
}

/** The training (and test) CSV files the options name, read through the app's table pipeline. */
export async function datasetFromFitOptions(options: FitOptions) {
  const train = { name: options.train, text: await readText(options.train) };
  const test = options.test === null ? null : { name: options.test, text: await readText(options.test) };
  return datasetFromCsvFiles(train, test, {
    target: options.targets.join(','),
    task: options.task,
    standardise: options.standardise,
    maxRows: maxTableRows(options.leaf),
  });
}

/** Runs the fit; `log` receives the progress lines. */
export async function fitFromCsv(options: FitOptions, log: (line: string) => void): Promise<FitResult | TreeFitResult> {
  const started = performance.now();
  const data = await datasetFromFitOptions(options);
  const backend = await activateBackend(options.backend);
  if (needsTree(data.nTrain, options.leaf)) return fitTree(data, options, backend, log, started);
  // Refused here, with the largest n that fits, rather than dying inside the backend ("memory access out of bounds").
  const shape = { n: data.nTrain, nTest: data.nTest, d: data.d, c: data.c };
  checkRunFits(shape, cpuBackendLimits(backend));
  // The app's time guard too: a 5,000-column CSV would sit in the d x d work for minutes.
  checkRunCost(shape);
  const { rfm } = options;
  log(
    `fitting ${data.nTrain} x ${data.d} -> ${data.c}${data.nTest > 0 ? ` (test ${data.nTest})` : ''} on ${backend}: ` +
      `${rfm.kernel} L = ${rfm.bandwidth}, lambda = ${rfm.ridge}, ${rfm.iterations} updates (${rfm.convention})`,
  );
  const records: IterationRecord[] = [];
  for await (const record of trainRfm(data, rfm)) {
    records.push(record);
    log(progressLine(record, rfm.iterations));
  }
  return {
    options: rfm,
    backend,
    data: fitDataJson(options, data),
    iterations: records.map(iterationToJson),
    summary: runSummary(records, rfm.iterations),
    total_ms: Math.round(performance.now() - started),
  };
}
