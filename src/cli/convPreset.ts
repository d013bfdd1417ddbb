/**
 * `rfm preset convrfm [--set key=value ...]`: ConvRFM on the digits (docs/convrfm.md), with the plain RFM on
 * the flattened pixels of the same images as the comparison (the app's digits model: Laplace, L = 10, mean
 * convention, as many updates), and a caption that says what the filters became and whether accuracy moved.
 */
import { trainRfm, type IterationRecord } from '../core';
import { checkConvRunFits } from '../core/conv/convMemory';
import { trainConvRfm } from '../core/conv/convRfm';
import type { ConvIterationRecord, ConvRfmOptions } from '../core/conv/convTypes';
import { patchGrid } from '../core/conv/patches';
import { checkRunFits, cpuBackendLimits } from '../core/memory';
import { DataError } from '../data/errors';
import { datasetFromParams } from '../data/sources/registry';
import { convOptionsFromParams, imageShapeOf, plainRfmOptions } from '../experiments/convExperiment';
import { CONV_PRESETS, convPresetParams } from '../params/convPresets';
import type { ConvPresetOptions } from './args';
import { activateBackend } from './backend';
import { convCaption } from './convCaption';
import { secondLayer } from './convDeep';
import { convIterationToJson, convProgressLine, convSummary } from './convReport';
import { progressLine } from './report';

export async function runConvPreset(options: ConvPresetOptions, log: (line: string) => void) {
  const started = performance.now();
  const params = { ...convPresetParams(options.preset), ...options.set };
  const backend = await activateBackend(options.backend);
  const data = await datasetFromParams(params, {});
  if (data.layout?.kind !== 'image') throw new DataError(`ConvRFM needs images (data=digits), not data=${params.data}`);
  const convOptions: ConvRfmOptions = convOptionsFromParams(params, imageShapeOf(data, params));
  const grid = patchGrid(convOptions.image, convOptions.patch);
  const limits = cpuBackendLimits(backend);
  checkConvRunFits({ n: data.nTrain, nTest: data.nTest, c: data.c, ...grid }, limits);
  log(
    `preset ${options.preset}: ConvRFM on ${data.nTrain} digits of ${params.px} x ${params.px} (test ${data.nTest}) on ${backend}, ` +
      `${params.patch} x ${params.patch} patches (P = ${grid.positions}), ${params.kernel} L = ${params.L}`,
  );
  const records: ConvIterationRecord[] = [];
  for await (const record of trainConvRfm(data, convOptions)) {
    records.push(record);
    log(convProgressLine(record, convOptions));
  }

  const plain = plainRfmOptions(params);
  checkRunFits({ n: data.nTrain, nTest: data.nTest, d: data.d, c: data.c }, limits);
  log(`plain RFM on the ${data.d} flattened pixels: ${plain.kernel} L = ${plain.bandwidth}, ${plain.convention}`);
  const plainRecords: IterationRecord[] = [];
  for await (const record of trainRfm(data, plain)) {
    plainRecords.push(record);
    log(progressLine(record, plain.iterations));
  }
  const summary = convSummary(records);
  const deep =
    params.deep > 0
      ? [
          await secondLayer(data, convOptions, records.at(-1)!.M, params.deep, params.seed, backend, log),
          await secondLayer(data, convOptions, null, params.deep, params.seed, backend, log),
        ]
      : null;
  return {
    kind: 'convrfm',
    preset: options.preset,
    title: CONV_PRESETS[options.preset].title,
    caption: convCaption(records, plainRecords, convOptions),
    params,
    options: convOptions,
    backend,
    data: {
      n_train: data.nTrain,
      n_test: data.nTest,
      c: data.c,
      side: params.px,
      positions: grid.positions,
      features: grid.features,
      class_labels: data.classLabels ?? null,
    },
    iterations: records.map((r) => convIterationToJson(r, convOptions)),
    summary,
    plain_rfm: {
      kernel: plain.kernel,
      bandwidth: plain.bandwidth,
      convention: plain.convention,
      iterations: plainRecords.map((r) => ({ iteration: r.iteration, test_acc: r.testAccuracy, test_mse: r.testMse })),
    },
    ...(deep ? { deep_convrfm: deep } : {}),
    total_ms: Math.round(performance.now() - started),
  };
}
