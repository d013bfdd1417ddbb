/**
 * The text source, next-character prediction (the seed article's text experiment): windows of k characters of a corpus,
 * one-hot encoded position-major (d = k * V), predict the next character (one-hot over the vocabulary,
 * c = V, accuracy by argmax). Training windows come from the first TRAIN_SHARE of the text, test windows
 * from the rest, so no test window shares a character with a training window. Bigram and trigram models
 * with add-one smoothing, fitted on the training part of the text, are scored on the same test windows.
 *
 *   const text = await loadCorpus('moby');
 *   const data = makeTextDataset({ text, k: 8, nTrain: 3000, nTest: 1000, seed: 1 });
 *   data.featureNames[0]   // '-8:␣': a space 8 characters back
 */
import { createRandom, type Random } from '../../core/random';
import type { Dataset } from '../../core/types';
import { DataError } from '../errors';
import { ALPHABET, normaliseToBytes, printableChar } from '../text/alphabet';
import { loadCorpus } from '../text/corpus';
import { fitNgram, scoreNgram } from '../text/ngram';
import { type DataSource } from './source';

export { loadCorpus, CORPUS_NAMES, type CorpusName } from '../text/corpus';
export { ALPHABET, PLACEHOLDER, encodeContext, normaliseText, printableChar, vocabularyOf } from '../text/alphabet';

/** Share of the (normalised) text that training windows and the n-gram models may see. */
export const TRAIN_SHARE = 0.8;

export interface TextDatasetOptions {
  /** The corpus, raw: it is normalised here (normaliseText). */
  text: string;
  /** Context length: characters the model sees before the one it predicts. */
  k: number;
  nTrain: number;
  nTest: number;
  seed: number;
}

export function makeTextDataset(options: TextDatasetOptions): Dataset {
  const { k, nTrain, nTest, seed } = options;
  requireInteger('The context length k', k, 1);
  requireInteger('The number of training windows', nTrain, 1);
  requireInteger('The number of test windows', nTest, 0);
  if (!Number.isInteger(seed)) throw new DataError(`The seed must be an integer, not ${String(seed)}.`);

  const { codes, vocabulary } = encodeText(options.text);
  if (codes.length < k + 1)
    throw new DataError(
      `The text has ${codes.length} characters after normalisation: a context of k = ${k} needs at least ${k + 1}.`,
    );
  const V = vocabulary.length;

  // A window's target sits at position t, its context at t - k .. t - 1. Training targets lie in the
  // training part [0, split), test windows (context included) in [split, length).
  const split = Math.floor(codes.length * TRAIN_SHARE);
  const trainTargets = sampleRange(k, split, nTrain, streamRandom(seed, 1), (available) =>
    tooFew('training', nTrain, available, k),
  );
  const testTargets = sampleRange(split + k, codes.length, nTest, streamRandom(seed, 2), (available) =>
    tooFew('test', nTest, available, k),
  );

  const d = k * V;
  const train = encodeWindows(codes, trainTargets, k, V);
  const test = encodeWindows(codes, testTargets, k, V);
  const trainCodes = codes.subarray(0, split);
  const baselines = [
    scoreNgram(fitNgram(trainCodes, 1, V), 'bigram', codes, testTargets),
    scoreNgram(fitNgram(trainCodes, 2, V), 'trigram', codes, testTargets),
  ];

  const labels = vocabulary.map(printableChar);
  return {
    xTrain: train.x,
    yTrain: train.y,
    xTest: test.x,
    yTest: test.y,
    nTrain,
    nTest,
    d,
    c: V,
    accuracy: 'argmax',
    featureNames: Array.from({ length: d }, (_, j) => `-${k - Math.floor(j / V)}:${labels[j % V]}`),
    classLabels: labels,
    layout: { kind: 'text', k, vocabulary },
    baselines,
  };
}

/** The normalised text as vocabulary indices, and its vocabulary (the alphabet's characters that occur). */
function encodeText(raw: string): { codes: Uint8Array; vocabulary: string[] } {
  const bytes = normaliseToBytes(raw);
  const seen = new Uint8Array(128);
  for (let i = 0; i < bytes.length; i++) seen[bytes[i]!] = 1;
  const vocabulary = ALPHABET.filter((ch) => seen[ch.charCodeAt(0)] === 1);
  const indexOfByte = new Uint8Array(128);
  vocabulary.forEach((ch, v) => (indexOfByte[ch.charCodeAt(0)] = v));
  const codes = bytes.map((byte) => indexOfByte[byte]!);
  return { codes, vocabulary };
}

/** Inputs [m, k * V] and one-hot targets [m, V] of the windows ending before each target position. */
function encodeWindows(codes: Uint8Array, targets: Int32Array, k: number, V: number) {
  const m = targets.length;
  const x = new Float32Array(m * k * V);
  const y = new Float32Array(m * V);
  for (let i = 0; i < m; i++) {
    const t = targets[i]!;
    for (let p = 0; p < k; p++) x[i * k * V + p * V + codes[t - k + p]!] = 1;
    y[i * V + codes[t]!] = 1;
  }
  return { x, y };
}

/**
 * `count` distinct integers of [from, to), ascending (Floyd's sampling: O(count) work however long the
 * range). Calls `fail` with the number available when the range is too short.
 */
function sampleRange(from: number, to: number, count: number, random: Random, fail: (available: number) => never) {
  const available = Math.max(0, to - from);
  if (count > available) fail(available);
  const chosen = new Set<number>();
  for (let j = available - count; j < available; j++) {
    const t = random.int(j + 1);
    chosen.add(chosen.has(t) ? j : t);
  }
  return Int32Array.from(chosen, (offset) => from + offset).sort();
}

function tooFew(kind: 'training' | 'test', asked: number, available: number, k: number): never {
  const part =
    kind === 'training'
      ? `the first ${Math.round(TRAIN_SHARE * 100)}%`
      : `the last ${Math.round(100 - TRAIN_SHARE * 100)}%`;
  throw new DataError(
    `Asked for ${asked} ${kind} windows, but ${part} of the text holds only ${available} windows of ` +
      `${k} + 1 characters: use a longer text, fewer ${kind} windows or a shorter context.`,
  );
}

/** An independent generator per purpose (training windows, test windows), derived from the seed. */
function streamRandom(seed: number, stream: number): Random {
  return createRandom((Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(stream, 0x85ebca6b)) >>> 0);
}

function requireInteger(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min)
    throw new DataError(`${name} must be an integer >= ${min}, not ${value}.`);
}

export const text: DataSource = {
  async build(params, assets) {
    const corpus = params.corpus === 'custom' ? assets.text : await loadCorpus(params.corpus);
    if (!corpus) throw new DataError('No text to learn from: paste or upload a text first.');
    return makeTextDataset({ text: corpus, k: params.k, nTrain: params.n, nTest: params.ntest, seed: params.seed });
  },
};
