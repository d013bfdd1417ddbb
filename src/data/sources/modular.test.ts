import { describe, expect, it } from 'vitest';
import { DataError } from '../errors';
import {
  applyModularOp,
  circulantResidueOrders,
  discreteLogOrder,
  inverseMod,
  isPrime,
  makeModularDataset,
  primitiveRoot,
  type ModularOp,
} from './modular';

/** The index of the 1 in each row of a one-hot block of width `width` starting at `offset`. */
function hotIndices(values: Float32Array, rows: number, stride: number, offset: number, width: number): number[] {
  return Array.from({ length: rows }, (_, i) => {
    const row = Array.from(values.subarray(i * stride + offset, i * stride + offset + width));
    expect(row.filter((v) => v === 1)).toHaveLength(1);
    expect(row.filter((v) => v !== 0 && v !== 1)).toHaveLength(0);
    return row.indexOf(1);
  });
}

function decode(data: ReturnType<typeof makeModularDataset>, side: 'train' | 'test') {
  const p = data.c;
  const n = side === 'train' ? data.nTrain : data.nTest;
  const x = side === 'train' ? data.xTrain : data.xTest;
  const y = side === 'train' ? data.yTrain : data.yTest;
  const a = hotIndices(x, n, 2 * p, 0, p);
  const b = hotIndices(x, n, 2 * p, p, p);
  const target = hotIndices(y, n, p, 0, p);
  return a.map((ai, i) => ({ a: ai, b: b[i]!, target: target[i]! }));
}

describe('makeModularDataset', () => {
  it('encodes one-hot(a) ++ one-hot(b) and the one-hot target (a + b) mod p', () => {
    const data = makeModularDataset({ p: 7, op: '+', trainFraction: 0.5, seed: 1 });
    expect(data.d).toBe(14);
    expect(data.c).toBe(7);
    expect(data.nTrain + data.nTest).toBe(49);
    for (const { a, b, target } of [...decode(data, 'train'), ...decode(data, 'test')])
      expect(target).toBe((a + b) % 7);
  });

  it.each<[ModularOp, (a: number, b: number) => number]>([
    ['-', (a, b) => (a - b + 11) % 11],
    ['*', (a, b) => (a * b) % 11],
    ['/', (a, b) => Array.from({ length: 11 }, (_, c) => c).find((c) => (c * b) % 11 === a)!],
  ])('computes (a %s b) mod p, division as multiplication by the inverse', (op, expected) => {
    const data = makeModularDataset({ p: 11, op, trainFraction: 0.5, seed: 2 });
    for (const { a, b, target } of [...decode(data, 'train'), ...decode(data, 'test')])
      expect(target).toBe(expected(a, b));
  });

  it('uses every pair exactly once, leaving out b = 0 for division', () => {
    for (const op of ['+', '/'] as const) {
      const data = makeModularDataset({ p: 5, op, trainFraction: 0.4, seed: 3 });
      const pairs = [...decode(data, 'train'), ...decode(data, 'test')].map(({ a, b }) => `${a},${b}`);
      expect(new Set(pairs).size).toBe(pairs.length);
      expect(pairs).toHaveLength(op === '/' ? 20 : 25);
      if (op === '/') expect(pairs.some((pair) => pair.endsWith(',0'))).toBe(false);
    }
  });

  it('splits by the training fraction, reproducibly for a seed and differently for another', () => {
    const a = makeModularDataset({ p: 13, op: '+', trainFraction: 0.3, seed: 4 });
    expect(a.nTrain).toBe(Math.round(0.3 * 169));
    expect(a.nTest).toBe(169 - a.nTrain);
    const b = makeModularDataset({ p: 13, op: '+', trainFraction: 0.3, seed: 4 });
    expect(b.xTrain).toEqual(a.xTrain);
    expect(b.yTest).toEqual(a.yTest);
    expect(makeModularDataset({ p: 13, op: '+', trainFraction: 0.3, seed: 5 }).xTrain).not.toEqual(a.xTrain);
  });

  it('names the coordinates a0..a{p-1}, b0..b{p-1} and the classes 0..p-1, with a modular layout', () => {
    const data = makeModularDataset({ p: 3, op: '*', trainFraction: 0.5, seed: 1 });
    expect(data.featureNames).toEqual(['a0', 'a1', 'a2', 'b0', 'b1', 'b2']);
    expect(data.classLabels).toEqual(['0', '1', '2']);
    expect(data.layout).toEqual({ kind: 'modular', p: 3, op: '*' });
    expect(data.accuracy).toBe('argmax');
  });

  it('refuses a modulus that is not prime, naming primes nearby', () => {
    expect(() => makeModularDataset({ p: 60, op: '+', trainFraction: 0.5, seed: 1 })).toThrow(DataError);
    expect(() => makeModularDataset({ p: 60, op: '+', trainFraction: 0.5, seed: 1 })).toThrow(
      'The modulus p must be a prime, not 60 (try 59 or 61).',
    );
  });

  it('refuses a split that leaves the training or the test set empty', () => {
    expect(() => makeModularDataset({ p: 3, op: '+', trainFraction: 0.01, seed: 1 })).toThrow(/no training pairs/);
    expect(() => makeModularDataset({ p: 3, op: '+', trainFraction: 0.99, seed: 1 })).toThrow(/no test pairs/);
    expect(() => makeModularDataset({ p: 3, op: '+', trainFraction: 1, seed: 1 })).toThrow(DataError);
  });
});

describe('primes and primitive roots', () => {
  it('tells primes from composites', () => {
    expect([2, 3, 5, 7, 11, 13, 61, 199].every(isPrime)).toBe(true);
    expect([0, 1, 4, 9, 15, 60, 91, 2.5].some(isPrime)).toBe(false);
  });

  it('finds the smallest primitive root', () => {
    expect(primitiveRoot(7)).toBe(3);
    expect(primitiveRoot(31)).toBe(3);
    expect(primitiveRoot(61)).toBe(2);
    expect(primitiveRoot(41)).toBe(6);
  });

  it('inverts every non-zero residue', () => {
    for (let b = 1; b < 61; b++) expect((b * inverseMod(b, 61)) % 61).toBe(1);
  });
});

describe('discreteLogOrder', () => {
  it('puts 0 first, then the powers g^0, g^1, ... of the primitive root', () => {
    expect(Array.from(discreteLogOrder(7))).toEqual([0, 1, 3, 2, 6, 4, 5]);
  });

  it('is a permutation of the residues', () => {
    const order = Array.from(discreteLogOrder(61));
    expect([...order].sort((x, y) => x - y)).toEqual(Array.from({ length: 61 }, (_, k) => k));
  });

  it('turns multiplication into addition of positions modulo p - 1', () => {
    const p = 13;
    const order = discreteLogOrder(p);
    for (let i = 1; i < p; i++)
      for (let j = 1; j < p; j++) {
        const product = applyModularOp(order[i]!, order[j]!, '*', p);
        expect(order[1 + ((i - 1 + j - 1) % (p - 1))]).toBe(product);
      }
  });
});

describe('circulantResidueOrders', () => {
  it.each<ModularOp>(['+', '-', '*', '/'])('lays out (a %s b) so that it depends only on row + column', (op) => {
    const p = 11;
    const { rows, columns } = circulantResidueOrders(p, op);
    const k = rows.length;
    expect(k).toBe(op === '*' || op === '/' ? p - 1 : p);
    expect(columns).toHaveLength(k);
    for (let i = 0; i < k; i++)
      for (let j = 0; j < k; j++)
        expect(applyModularOp(rows[i]!, columns[j]!, op, p)).toBe(
          applyModularOp(rows[0]!, columns[(i + j) % k]!, op, p),
        );
  });
});
