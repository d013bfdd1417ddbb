/**
 * `rfm fit --image-shape HxW[xC] --patch q ...`: ConvRFM on a CSV whose rows are images (docs/convrfm.md). The
 * files go through the app's tabular pipeline (the same checks and class labels as `rfm fit`); the pixel
 * columns must then number H x W x C.
 */
import { checkConvRunFits } from '../core/conv/convMemory';
import { trainConvRfm } from '../core/conv/convRfm';
import type { ConvIterationRecord, ConvRfmOptions } from '../core/conv/convTypes';
import { patchGrid } from '../core/conv/patches';
import { cpuBackendLimits } from '../core/memory';
import { DataError } from '../data/errors';
import type { FitOptions } from './args';
import { activateBackend } from './backend';
import { convIterationToJson, convProgressLine, convSummary } from './convReport';
import { datasetFromFitOptions } from './fit';

export async function fitConvFromCsv(
  options: FitOptions,
  conv: NonNullable<FitOptions['conv']>,
  log: (line: string) => void,
) {
  const started = performance.now();
  const data = await datasetFromFitOptions(options);
  const { height, width, channels } = conv.image;
  if (data.d !== height * width * channels)
    throw new DataError(
      `--image-shape ${height}x${width}${channels > 1 ? `x${channels}` : ''} needs ${height * width * channels} pixel columns besides the target; ${options.train} has ${data.d}`,
    );
  const backend = await activateBackend(options.backend);
  const convOptions: ConvRfmOptions = {
    image: conv.image,
    patch: conv.patch,
    kernel: options.rfm.kernel === 'laplace' ? 'laplace' : 'gaussian',
    bandwidth: options.rfm.bandwidth,
    ridge: options.rfm.ridge,
    iterations: options.rfm.iterations,
  };
  const grid = patchGrid(conv.image, conv.patch);
  checkConvRunFits({ n: data.nTrain, nTest: data.nTest, c: data.c, ...grid }, cpuBackendLimits(backend));
  log(
    `ConvRFM on ${data.nTrain} images of ${height} x ${width}${channels > 1 ? ` x ${channels}` : ''} -> ${data.c}` +
      `${data.nTest > 0 ? ` (test ${data.nTest})` : ''} on ${backend}: ${conv.patch} x ${conv.patch} patches (P = ${grid.positions}), ` +
      `${convOptions.kernel} L = ${convOptions.bandwidth}, lambda = ${convOptions.ridge}, ${convOptions.iterations} updates`,
  );
  const records: ConvIterationRecord[] = [];
  for await (const record of trainConvRfm(data, convOptions)) {
    records.push(record);
    log(convProgressLine(record, convOptions));
  }
  return {
    kind: 'convrfm',
    options: convOptions,
    backend,
    data: {
      train_file: options.train,
      test_file: options.test,
      targets: options.targets,
      task: options.task,
      n_train: data.nTrain,
      n_test: data.nTest,
      c: data.c,
      positions: grid.positions,
      features: grid.features,
      class_labels: data.classLabels ?? null,
    },
    iterations: records.map((r) => convIterationToJson(r, convOptions)),
    summary: convSummary(records),
    total_ms: Math.round(performance.now() - started),
  };
}
