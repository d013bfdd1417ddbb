import { describe, expect, it } from 'vitest';
import { DataError } from '../errors';
import {
  ALPHABET,
  PLACEHOLDER,
  TRAIN_SHARE,
  encodeContext,
  loadCorpus,
  makeTextDataset,
  normaliseText,
  vocabularyOf,
  type TextDatasetOptions,
} from './text';

/** A short English text, repeated so that every window size has enough of it. */
const PASSAGE =
  'Call me Ishmael. Some years ago, never mind how long precisely, having little or no money in my purse, ' +
  'and nothing particular to interest me on shore, I thought I would sail about a little and see the watery ' +
  'part of the world. ';
const base: TextDatasetOptions = { text: PASSAGE.repeat(20), k: 4, nTrain: 200, nTest: 100, seed: 3 };

/** The index of the 1 in each row of a one-hot matrix [rows, width]. */
function hotIndices(values: Float32Array, width: number): number[] {
  const rows = values.length / width;
  return Array.from({ length: rows }, (_, i) => values.subarray(i * width, (i + 1) * width).indexOf(1));
}

describe('normaliseText', () => {
  it('lower-cases and collapses whitespace runs to one space', () => {
    expect(normaliseText('Call  me\n\n\tIshmael.')).toBe('call me ishmael.');
  });

  it('maps typographic quotes and dashes to ASCII and drops accents', () => {
    expect(normaliseText('“Café”—it’s')).toBe('"cafe"-it\'s');
  });

  it('maps characters outside the alphabet to the placeholder', () => {
    expect(normaliseText('chapter 12 * $5')).toBe(
      `chapter ${PLACEHOLDER}${PLACEHOLDER} ${PLACEHOLDER} ${PLACEHOLDER}${PLACEHOLDER}`,
    );
  });

  it('keeps the alphabet at most ~50 characters, the placeholder included', () => {
    expect(ALPHABET.length).toBeLessThanOrEqual(50);
    expect(ALPHABET).toContain(PLACEHOLDER);
    expect(new Set(ALPHABET).size).toBe(ALPHABET.length);
  });
});

describe('vocabularyOf', () => {
  it('lists the characters that occur, in alphabet order', () => {
    expect(vocabularyOf('cab a#')).toEqual([' ', 'a', 'b', 'c', PLACEHOLDER]);
  });
});

describe('makeTextDataset', () => {
  it('gives identical arrays for identical options and different windows for another seed', () => {
    const a = makeTextDataset(base);
    const b = makeTextDataset(base);
    expect(a.xTrain).toEqual(b.xTrain);
    expect(a.yTest).toEqual(b.yTest);
    expect(a.baselines).toEqual(b.baselines);
    expect(makeTextDataset({ ...base, seed: 4 }).xTrain).not.toEqual(a.xTrain);
  });

  it('has d = k * V inputs, c = V one-hot targets and argmax accuracy', () => {
    const data = makeTextDataset(base);
    const V = vocabularyOf(normaliseText(base.text)).length;
    expect(data).toMatchObject({ nTrain: 200, nTest: 100, d: 4 * V, c: V, accuracy: 'argmax' });
    expect(data.xTrain).toHaveLength(200 * 4 * V);
    expect(data.yTrain).toHaveLength(200 * V);
    expect(data.xTest).toHaveLength(100 * 4 * V);
    expect(data.yTest).toHaveLength(100 * V);
    expect(data.layout).toEqual({ kind: 'text', k: 4, vocabulary: vocabularyOf(normaliseText(base.text)) });
  });

  it('labels classes printably and names features by position and character', () => {
    const data = makeTextDataset(base);
    const V = data.c;
    expect(data.classLabels?.[0]).toBe('␣');
    expect(data.classLabels).toContain('e');
    expect(data.featureNames).toHaveLength(data.d);
    expect(data.featureNames?.[0]).toBe('-4:␣');
    expect(data.featureNames?.[V + 1]).toBe('-3:a');
    expect(data.featureNames?.[3 * V]).toBe('-1:␣');
  });

  it('encodes each window as one 1 per position and one 1 per target, matching the text', () => {
    const data = makeTextDataset(base);
    const { k, vocabulary } = data.layout as { kind: 'text'; k: number; vocabulary: string[] };
    const V = vocabulary.length;
    const text = normaliseText(base.text);
    const positions = hotIndices(data.xTrain, V).map((v) => vocabulary[v]);
    const targets = hotIndices(data.yTrain, V).map((v) => vocabulary[v]);
    expect(data.xTrain.reduce((a, b) => a + b, 0)).toBe(200 * k);
    expect(positions).not.toContain(undefined);
    for (let i = 0; i < data.nTrain; i++) {
      const window = positions.slice(i * k, (i + 1) * k).join('') + targets[i];
      expect(text).toContain(window);
    }
  });

  it('takes test windows only from the held-out end of the text', () => {
    // Text whose first part and held-out part use different letters: test contexts see only the latter.
    const text = 'ab'.repeat(400) + 'cd'.repeat(100);
    const data = makeTextDataset({ text, k: 3, nTrain: 300, nTest: 50, seed: 1 });
    const V = data.c;
    const vocabulary = data.classLabels!;
    const trainChars = new Set(hotIndices(data.xTrain, V).map((v) => vocabulary[v]));
    const testChars = new Set(hotIndices(data.xTest, V).map((v) => vocabulary[v]));
    expect([...trainChars].sort()).toEqual(['a', 'b']);
    expect([...testChars].sort()).toEqual(['c', 'd']);
  });

  it('scores bigram and trigram models above chance on a repetitive text', () => {
    const data = makeTextDataset(base);
    const [bigram, trigram] = data.baselines!;
    expect(bigram).toMatchObject({ name: 'bigram', testMse: null });
    expect(trigram).toMatchObject({ name: 'trigram', testMse: null });
    const chance = 1 / data.c;
    expect(bigram!.testAccuracy!).toBeGreaterThan(3 * chance);
    expect(trigram!.testAccuracy!).toBeGreaterThan(bigram!.testAccuracy!);
    expect(bigram!.testCrossEntropy!).toBeLessThan(Math.log(data.c));
    expect(trigram!.testCrossEntropy!).toBeLessThan(bigram!.testCrossEntropy!);
  });

  it('predicts a periodic text perfectly with a trigram model', () => {
    const data = makeTextDataset({ text: 'abc'.repeat(500), k: 2, nTrain: 100, nTest: 50, seed: 2 });
    expect(data.baselines?.[1]?.testAccuracy).toBe(1);
  });

  it('refuses a text shorter than k + 1 characters', () => {
    expect(() => makeTextDataset({ ...base, text: 'abcd', k: 4 })).toThrow(DataError);
    expect(() => makeTextDataset({ ...base, text: 'abcd', k: 4 })).toThrow(/at least 5/);
  });

  it('refuses more windows than the text holds', () => {
    const text = 'the whale. '.repeat(10);
    expect(() => makeTextDataset({ ...base, text, nTrain: 500 })).toThrow(DataError);
    expect(() => makeTextDataset({ ...base, text, nTrain: 500 })).toThrow(/500 training windows/);
    expect(() => makeTextDataset({ ...base, text, nTrain: 10, nTest: 500 })).toThrow(/500 test windows/);
  });

  it('allows no test windows, and then has no baseline scores', () => {
    const data = makeTextDataset({ ...base, nTest: 0 });
    expect(data.xTest).toHaveLength(0);
    expect(data.baselines?.[0]?.testAccuracy).toBeNull();
  });
});

describe('encodeContext', () => {
  it('one-hot encodes the last k characters position-major', () => {
    const vocabulary = [' ', 'a', 'b', 'c'];
    const x = encodeContext('xcab', 3, vocabulary);
    expect(Array.from(x)).toEqual([0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 1, 0]);
  });

  it('pads a short prompt with spaces on the left and normalises it', () => {
    const vocabulary = [' ', 'a', 'b'];
    expect(Array.from(encodeContext('B', 3, vocabulary))).toEqual([1, 0, 0, 1, 0, 0, 0, 0, 1]);
  });

  it('encodes unknown characters as the placeholder when the vocabulary has it', () => {
    expect(Array.from(encodeContext('é7', 2, ['a', 'e', PLACEHOLDER]))).toEqual([0, 1, 0, 0, 0, 1]);
    expect(Array.from(encodeContext('7', 1, ['a', 'e']))).toEqual([0, 0]);
  });

  it('matches the encoding of the training windows', () => {
    const data = makeTextDataset(base);
    const { k, vocabulary } = data.layout as { kind: 'text'; k: number; vocabulary: string[] };
    const V = vocabulary.length;
    const window = hotIndices(data.xTrain.subarray(0, k * V), V)
      .map((v) => vocabulary[v])
      .join('');
    expect(encodeContext(window, k, vocabulary)).toEqual(data.xTrain.subarray(0, k * V));
  });
});

describe('loadCorpus', () => {
  it('loads the text of Moby Dick from the bundled package', async () => {
    const text = await loadCorpus('moby');
    expect(text.length).toBeGreaterThan(1_000_000);
    expect(text).toContain('Call me Ishmael.');
    expect(TRAIN_SHARE).toBeGreaterThan(0.5);
  });
});
