import { describe, expect, it } from 'vitest';
import { encodeContext } from '../../../data/text/alphabet';
import { argmax, greedyContinuation, scoresToDistribution, topCharacters } from './distribution';
import { positionCharacterWeights, positionLabel, positionShares } from './positionWeights';

describe('scoresToDistribution', () => {
  it('clips scores at zero and normalises them to sum to one', () => {
    expect(Array.from(scoresToDistribution([3, -1, 1, 0])!)).toEqual([0.75, 0, 0.25, 0]);
  });

  it('gives null when no score is positive', () => {
    expect(scoresToDistribution([-1, 0, Number.NaN])).toBeNull();
  });
});

describe('topCharacters', () => {
  it('lists the most probable characters first, ties in vocabulary order', () => {
    const top = topCharacters([0.1, 0.4, 0.1, 0.4], ['a', 'b', 'c', 'd'], 3);
    expect(top.map((t) => t.character)).toEqual(['b', 'd', 'a']);
  });
});

describe('argmax', () => {
  it('returns the first index of the largest score, or -1 for none', () => {
    expect(argmax([1, 3, 3])).toBe(1);
    expect(argmax([])).toBe(-1);
  });
});

describe('greedyContinuation', () => {
  const vocabulary = [' ', 'a', 'b'];

  it('appends the top character of each step, scoring the last k characters', async () => {
    // A model that continues 'ab' periodically: after 'a' comes 'b', after anything else 'a'.
    const seen: string[] = [];
    const score = async (input: Float32Array) => {
      const last = Array.from(input.subarray(input.length - 3)).indexOf(1);
      seen.push(vocabulary[last]!);
      return Float32Array.from(last === 1 ? [0, 0, 1] : [0, 1, 0]);
    };
    const text = await greedyContinuation('ba', { k: 2, vocabulary, steps: 5, score });
    expect(text).toBe('babab');
    expect(seen).toEqual(['a', 'b', 'a', 'b', 'a']);
  });

  it('passes the encoded context to the model and stops when cancelled', async () => {
    const inputs: Float32Array[] = [];
    let calls = 0;
    const text = await greedyContinuation('ab', {
      k: 2,
      vocabulary,
      steps: 10,
      score: async (input) => {
        inputs.push(input);
        calls++;
        return Float32Array.from([1, 0, 0]);
      },
      cancelled: () => calls >= 3,
    });
    expect(text).toBe('   ');
    expect(inputs[0]).toEqual(encodeContext('ab', 2, vocabulary));
  });
});

describe('positionCharacterWeights', () => {
  it('reads the diagonal of M as positions by characters and shares per position', () => {
    const k = 2;
    const V = 2;
    const d = k * V;
    const M = new Float64Array(d * d);
    [1, 1, 3, 5].forEach((v, j) => (M[j * d + j] = v));
    M[1] = 100; // off-diagonal entries are ignored
    const weights = positionCharacterWeights(M, k, V);
    expect(Array.from(weights)).toEqual([1, 1, 3, 5]);
    expect(Array.from(positionShares(weights, k, V))).toEqual([0.2, 0.8]);
    expect([positionLabel(0, k), positionLabel(1, k)]).toEqual(['-2', '-1']);
  });
});
