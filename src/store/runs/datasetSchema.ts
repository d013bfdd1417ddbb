/**
 * The parts of a runs file beside the records: a run's dataset summary and a pinned sweep point, checked
 * field by field (./check.ts). Part of the runs-file schema in ./runSchema.ts.
 */
import type { DatasetLayout } from '../../core/types';
import type { DatasetSummary, SweepPoint } from '../../protocol/messages';
import { exactObject, fail, finite, integer, list, nullable, oneOf, text, typedArray } from './check';

const LABEL = 200;
const MAX_ROWS = 10_000_000;

function layout(value: unknown, path: string, d: number): DatasetLayout {
  const kind = oneOf((value as { kind?: unknown } | null)?.kind, `${path}.kind`, [
    'vector',
    'modular',
    'text',
    'image',
  ] as const);
  switch (kind) {
    case 'vector':
      exactObject(value, path, ['kind']);
      return { kind };
    case 'modular': {
      const l = exactObject(value, path, ['kind', 'p', 'op']);
      return { kind, p: integer(l.p, `${path}.p`, 2, d), op: oneOf(l.op, `${path}.op`, ['+', '-', '*', '/'] as const) };
    }
    case 'text': {
      const l = exactObject(value, path, ['kind', 'k', 'vocabulary']);
      return {
        kind,
        k: integer(l.k, `${path}.k`, 1, d),
        vocabulary: list(l.vocabulary, `${path}.vocabulary`, d, (v, p) => text(v, p, 8, true)),
      };
    }
    case 'image': {
      const l = exactObject(value, path, ['kind', 'width', 'height']);
      return {
        kind,
        width: integer(l.width, `${path}.width`, 1, d),
        height: integer(l.height, `${path}.height`, 1, d),
      };
    }
  }
}

export function storedDataset(value: unknown, path: string, maxD: number): DatasetSummary {
  const s = exactObject(value, path, [
    'nTrain',
    'nTest',
    'd',
    'c',
    'featureNames',
    'classLabels',
    'layout',
    'baselines',
  ]);
  const d = integer(s.d, `${path}.d`, 1, maxD);
  const c = integer(s.c, `${path}.c`, 1, 100_000);
  const score = nullable((v, p) => finite(v, p));
  return {
    nTrain: integer(s.nTrain, `${path}.nTrain`, 1, MAX_ROWS),
    nTest: integer(s.nTest, `${path}.nTest`, 0, MAX_ROWS),
    d,
    c,
    featureNames: list(s.featureNames, `${path}.featureNames`, d, (v, p) => text(v, p, LABEL)),
    classLabels: nullable((v, p) => list(v, p, c, (w, q) => text(w, q, LABEL)))(s.classLabels, `${path}.classLabels`),
    layout: layout(s.layout, `${path}.layout`, d),
    baselines: list(s.baselines, `${path}.baselines`, 20, (v, p) => {
      const b = exactObject(v, p, ['name', 'testAccuracy', 'testMse', 'testCrossEntropy']);
      return {
        name: text(b.name, `${p}.name`, LABEL),
        testAccuracy: nullable((w, q) => finite(w, q, 0, 1))(b.testAccuracy, `${p}.testAccuracy`),
        testMse: score(b.testMse, `${p}.testMse`),
        testCrossEntropy: score(b.testCrossEntropy, `${p}.testCrossEntropy`),
      };
    }),
  };
}

export function storedPoint(value: unknown, path: string, maxD: number): Omit<SweepPoint, 'M'> & { M: Float32Array } {
  const s = exactObject(value, path, [
    'value',
    'baselineTestMse',
    'finalTestMse',
    'bestTestMse',
    'bestIteration',
    'baselineTestAccuracy',
    'finalTestAccuracy',
    'M',
    'd',
  ]);
  const d = integer(s.d, `${path}.d`, 1, maxD);
  const M = typedArray(s.M, `${path}.M`, '$f32', d * d);
  if (M.length !== d * d) fail(`${path}.M`, `holds ${M.length} values, not d x d = ${d * d}`);
  const mse = nullable((v, p) => finite(v, p, 0));
  const acc = nullable((v, p) => finite(v, p, 0, 1));
  return {
    value: finite(s.value, `${path}.value`),
    baselineTestMse: mse(s.baselineTestMse, `${path}.baselineTestMse`),
    finalTestMse: mse(s.finalTestMse, `${path}.finalTestMse`),
    bestTestMse: mse(s.bestTestMse, `${path}.bestTestMse`),
    bestIteration: integer(s.bestIteration, `${path}.bestIteration`, 0, 10_000),
    baselineTestAccuracy: acc(s.baselineTestAccuracy, `${path}.baselineTestAccuracy`),
    finalTestAccuracy: acc(s.finalTestAccuracy, `${path}.finalTestAccuracy`),
    M,
    d,
  };
}
