/**
 * What the parameters mean for ConvRFM (docs/convrfm.md), for the worker and the CLI: the image shape (the
 * digits' side, or a CSV's `shape`), the engine options, the plain RFM beside it on the flattened pixels (the
 * app's digits model: Laplace, L = 10, mean convention, as many updates), and deep ConvRFM's second layer
 * (F random filters w = M^(1/2) z, ReLU maps scaled to the first layer's patch norm).
 *
 * `runConvExperiment` runs the whole job in that order and yields what the worker posts: ConvRFM's records
 * (with their top filters' responses on a test image), then the comparisons point by point.
 */
import { trainRfm, type Dataset } from '../core';
import { checkConvRunFits } from '../core/conv/convMemory';
import { trainConvRfm, type ConvProgress } from '../core/conv/convRfm';
import type { ConvIterationRecord, ConvRfmOptions, ImageShape } from '../core/conv/convTypes';
import { featureMaps, randomFilters } from '../core/conv/deepConv';
import { filterResponses } from '../core/conv/filterResponses';
import { extractPatches, patchGrid } from '../core/conv/patches';
import { checkRunFits, type MemoryLimits } from '../core/memory';
import { identityMatrix } from '../core/runChecks';
import { DataError } from '../data/errors';
import { parseImageShape } from '../params/convParams';
import type { Params } from '../params/schema';
import type { ConvLine, ConvPoint, ConvRecord, ConvSummary } from '../protocol/convMessages';
import { optionsFromParams } from './options';

/** The plain RFM beside ConvRFM: the app's digits preset model on the flattened pixels. */
export const PLAIN_RFM = { kernel: 'laplace', L: 10, norm: 'mean' } as const;

/** How many of M's top filters the feature maps show. */
export const RESPONSE_FILTERS = 4;

/** The images' shape: the digits' own layout, or the CSV's `shape` parameter. Throws DataError without one. */
export function imageShapeOf(data: Dataset, params: Params): ImageShape {
  if (data.layout?.kind === 'image') return { height: data.layout.height, width: data.layout.width, channels: 1 };
  let shape;
  try {
    shape = parseImageShape(params.shape);
  } catch (error) {
    throw new DataError((error as Error).message);
  }
  if (!shape)
    throw new DataError(
      `ConvRFM needs images: data=digits, or a CSV whose columns make an image with its shape set (e.g. shape=14x14); these rows have ${data.d} values`,
    );
  const values = shape.height * shape.width * shape.channels;
  if (values !== data.d)
    throw new DataError(`image shape ${params.shape} needs ${values} feature columns; the file has ${data.d}`);
  return shape;
}

export function convOptionsFromParams(params: Params, image: ImageShape): ConvRfmOptions {
  if (params.kernel !== 'gaussian' && params.kernel !== 'laplace')
    throw new DataError(`ConvRFM takes kernel=gaussian or kernel=laplace, not ${params.kernel}`);
  return {
    image,
    patch: params.patch,
    kernel: params.kernel,
    bandwidth: params.L,
    ridge: params.lambda,
    iterations: params.iters,
  };
}

export const plainRfmOptions = (params: Params) => optionsFromParams({ ...params, ...PLAIN_RFM });

function meanSquaredPatchNorm(images: Float32Array, n: number, options: ConvRfmOptions): number {
  const { positions } = patchGrid(options.image, options.patch);
  let sum = 0;
  for (const v of extractPatches(images, n, options.image, options.patch)) sum += v * v;
  return sum / (positions * n);
}

/**
 * Deep ConvRFM's second layer: `count` random filters from N(0, M) (from N(0, I) when m is null, the control),
 * ReLU maps of every training and test image, scaled so that their patches' mean squared norm equals the
 * first layer's (the bandwidth keeps its meaning), and the same ConvRFM options on the maps.
 */
export function secondLayerData(
  data: Dataset,
  layer1: ConvRfmOptions,
  m: Float64Array | null,
  count: number,
  seed: number,
): { data: Dataset; options: ConvRfmOptions } {
  const f = patchGrid(layer1.image, layer1.patch).features;
  const filters = randomFilters(m ?? identityMatrix(f), f, count, seed);
  const train = featureMaps(data.xTrain, data.nTrain, layer1.image, layer1.patch, filters, count);
  const test = featureMaps(data.xTest, data.nTest, layer1.image, layer1.patch, filters, count);
  const options: ConvRfmOptions = { ...layer1, image: train.shape };
  const scale = Math.sqrt(
    meanSquaredPatchNorm(data.xTrain, data.nTrain, layer1) / meanSquaredPatchNorm(train.maps, data.nTrain, options),
  );
  const scaled = (maps: Float32Array) => maps.map((v) => v * scale);
  const maps: Dataset = {
    ...data,
    xTrain: scaled(train.maps),
    xTest: scaled(test.maps),
    d: train.maps.length / Math.max(1, data.nTrain),
    featureNames: undefined,
    layout: undefined,
  };
  return { data: maps, options };
}

/** The image the feature maps are drawn on: the first test image (else the first training one), with its class. */
function probeOf(data: Dataset): { probe: Float32Array; label: string | null } {
  const test = data.nTest > 0;
  const x = test ? data.xTest : data.xTrain;
  const y = test ? data.yTest : data.yTrain;
  let best = 0;
  for (let k = 1; k < data.c; k++) if (y[k]! > y[best]!) best = k;
  return { probe: x.slice(0, data.d), label: data.classLabels?.[best] ?? null };
}

export function convSummaryOf(data: Dataset, params: Params, options: ConvRfmOptions): ConvSummary {
  const grid = patchGrid(options.image, options.patch);
  const plain = plainRfmOptions(params);
  const { probe, label } = probeOf(data);
  const side = (n: number) => n - options.patch + 1;
  return {
    image: options.image,
    patch: options.patch,
    features: grid.features,
    positions: grid.positions,
    kernel: options.kernel,
    bandwidth: options.bandwidth,
    nTrain: data.nTrain,
    nTest: data.nTest,
    c: data.c,
    probe,
    probeLabel: label,
    plain: { kernel: plain.kernel, bandwidth: plain.bandwidth, convention: plain.convention },
    deep:
      params.deep > 0
        ? {
            filters: params.deep,
            shape: { height: side(options.image.height), width: side(options.image.width), channels: params.deep },
          }
        : null,
  };
}

/** The record with its top filters' responses on the probe image. */
export function withResponses(record: ConvIterationRecord, summary: ConvSummary): ConvRecord {
  const top = record.filters.slice(0, RESPONSE_FILTERS);
  const { responses, rows, cols } = filterResponses(summary.probe, summary.image, summary.patch, top);
  return { ...record, responses, responseShape: { count: top.length, rows, cols } };
}

export type ConvExperimentEvent =
  { type: 'iteration'; record: ConvRecord } | { type: 'point'; line: ConvLine; point: ConvPoint };

export interface ConvExperimentHooks {
  /** Awaited between phases: ConvRFM's own progress, or null within a comparison. Throw to cancel. */
  checkpoint?: (progress: ConvProgress | null) => Promise<void>;
  /** The backend's limits: every layer is checked before it starts. */
  limits: MemoryLimits;
}

const pointOf = (r: {
  iteration: number;
  testAccuracy: number | null;
  testMse: number | null;
  trainAccuracy: number | null;
}): ConvPoint => ({
  iteration: r.iteration,
  testAccuracy: r.testAccuracy,
  testMse: r.testMse,
  trainAccuracy: r.trainAccuracy,
});

/** ConvRFM, then the plain RFM on the pixels, then (params.deep > 0) layer 2 on filters from M and from I. */
export async function* runConvExperiment(
  data: Dataset,
  params: Params,
  summary: ConvSummary,
  hooks: ConvExperimentHooks,
): AsyncGenerator<ConvExperimentEvent, void, undefined> {
  const options = convOptionsFromParams(params, summary.image);
  const shape = { n: data.nTrain, nTest: data.nTest, c: data.c };
  checkConvRunFits({ ...shape, ...patchGrid(options.image, options.patch) }, hooks.limits);
  const quiet = { checkpoint: () => hooks.checkpoint?.(null) ?? Promise.resolve() };
  let finalM: Float64Array | null = null;
  for await (const record of trainConvRfm(data, options, {
    checkpoint: (p) => hooks.checkpoint?.(p) ?? Promise.resolve(),
  })) {
    finalM = Float64Array.from(record.M); // a copy: the record's buffers are transferred
    yield { type: 'iteration', record: withResponses(record, summary) };
  }

  checkRunFits({ ...shape, d: data.d }, hooks.limits);
  for await (const record of trainRfm(data, plainRfmOptions(params), quiet))
    yield { type: 'point', line: 'plain', point: pointOf(record) };

  if (params.deep <= 0 || finalM === null) return;
  for (const [line, m] of [
    ['deepLearned', finalM],
    ['deepIdentity', null],
  ] as const) {
    const layer2 = secondLayerData(data, options, m, params.deep, params.seed);
    checkConvRunFits({ ...shape, ...patchGrid(layer2.options.image, layer2.options.patch) }, hooks.limits);
    for await (const record of trainConvRfm(layer2.data, layer2.options, quiet))
      yield { type: 'point', line, point: pointOf(record) };
  }
}
