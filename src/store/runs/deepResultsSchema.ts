/**
 * The schema of a kept Deep RFM run's results in a runs file or in storage (keptResults.ts): its summary and
 * layers, every field checked for type and range, unknown fields refused, array sizes held to the run's own
 * (classes, the Gram points, each layer's d). Called from resultsSchema.ts.
 */
import type { DeepSummary } from '../../protocol/deepMessages';
import { exactObject, fail, finite, integer, list, nullable, numberOrNaN, oneOf, text, typedArray } from './check';
import type { StoredDeepLayer, StoredResults } from './keptResults';

/** What a kept Deep RFM run may hold: the params' limits (depth <= 20, two stacks) and the worker's Gram size. */
export const DEEP_LIMITS = { layers: 40, classes: 1000, gramPoints: 600, n: 1_000_000, d: 100_000, label: 200 };

const f32 = (v: unknown, p: string, length: number) => {
  const a = typedArray(v, p, '$f32', length);
  if (a.length !== length) fail(p, `holds ${a.length} values, not ${length}`);
  return a;
};

function deepSummary(value: unknown, path: string): DeepSummary {
  const s = exactObject(value, path, ['n', 'd', 'classes', 'classLabels', 'depth', 'width', 'gramPoints', 'classStarts']); // prettier-ignore
  const classes = integer(s.classes, `${path}.classes`, 1, DEEP_LIMITS.classes);
  const gramPoints = integer(s.gramPoints, `${path}.gramPoints`, 0, DEEP_LIMITS.gramPoints);
  const classStarts = typedArray(s.classStarts, `${path}.classStarts`, '$i32', classes + 1);
  if (classStarts.length !== classes + 1) fail(`${path}.classStarts`, `holds ${classStarts.length} values, not ${classes + 1}`); // prettier-ignore
  classStarts.forEach((start, c) => {
    const previous = c === 0 ? 0 : classStarts[c - 1]!;
    if (start < previous || start > gramPoints || (c === 0 && start !== 0))
      fail(`${path}.classStarts[${c}]`, `must rise from 0 to at most ${gramPoints}, not ${start}`);
  });
  const classLabels = list(s.classLabels, `${path}.classLabels`, classes, (v, p) => text(v, p, DEEP_LIMITS.label));
  if (classLabels.length !== classes) fail(`${path}.classLabels`, `holds ${classLabels.length} labels, not ${classes}`);
  return {
    n: integer(s.n, `${path}.n`, 1, DEEP_LIMITS.n),
    d: integer(s.d, `${path}.d`, 1, DEEP_LIMITS.d),
    classes,
    classLabels,
    depth: integer(s.depth, `${path}.depth`, 1, DEEP_LIMITS.layers / 2),
    width: integer(s.width, `${path}.width`, 1, DEEP_LIMITS.d),
    gramPoints,
    classStarts,
  };
}

function deepLayer(value: unknown, path: string, summary: DeepSummary): StoredDeepLayer {
  const layer = exactObject(value, path, ['record', 'gram']);
  const p = `${path}.record`;
  const r = exactObject(layer.record, p, ['stack', 'layer', 'd', 'collapse', 'meanCosines', 'mEigenvalues', 'ms']);
  const d = integer(r.d, `${p}.d`, 1, DEEP_LIMITS.d);
  const stages = <T>(v: unknown, q: string, each: (w: unknown, q: string) => T) => {
    const o = exactObject(v, q, ['X', 'sqrtM_X', 'next']);
    return { X: each(o.X, `${q}.X`), sqrtM_X: each(o.sqrtM_X, `${q}.sqrtM_X`), next: each(o.next, `${q}.next`) };
  };
  const k2 = summary.classes * summary.classes;
  return {
    record: {
      stack: oneOf(r.stack, `${p}.stack`, ['agop', 'control']),
      layer: integer(r.layer, `${p}.layer`, 1, summary.depth),
      d,
      collapse: stages(r.collapse, `${p}.collapse`, (v, q) => {
        const m = exactObject(v, q, ['nc1', 'nc2']);
        return { nc1: numberOrNaN(m.nc1, `${q}.nc1`, 0), nc2: numberOrNaN(m.nc2, `${q}.nc2`, 0) };
      }),
      meanCosines: stages(r.meanCosines, `${p}.meanCosines`, (v, q) => f32(v, q, k2)),
      mEigenvalues: nullable((v, q) => typedArray(v, q, '$f32', d))(r.mEigenvalues, `${p}.mEigenvalues`),
      ms: finite(r.ms, `${p}.ms`, 0),
    },
    gram: f32(layer.gram, `${path}.gram`, summary.gramPoints * summary.gramPoints),
  };
}

/** A kept Deep RFM run's results (kind already checked by the caller). */
export function storedDeepResults(value: unknown, path: string): Extract<StoredResults, { kind: 'deep-rfm' }> {
  const r = exactObject(value, path, ['kind', 'summary', 'layers']);
  const summary = deepSummary(r.summary, `${path}.summary`);
  const layers = list(r.layers, `${path}.layers`, 2 * summary.depth, (v, p) => deepLayer(v, p, summary));
  return { kind: 'deep-rfm', summary, layers };
}
