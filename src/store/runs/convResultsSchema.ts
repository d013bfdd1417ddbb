/**
 * The schema of a kept ConvRFM run's results in a runs file or in storage (keptResults.ts): what it trained on,
 * its iteration records (M, its filters and their responses on the probe image) and the comparisons' points,
 * every field checked for type and range, unknown fields refused, array sizes held to the run's own (the
 * image, f = q^2 x channels, the responses' shape). Called from resultsSchema.ts.
 */
import { CONV_KERNELS, type ImageShape } from '../../core/conv/convTypes';
import { CONV_LINES, type ConvPoint, type ConvSummary } from '../../protocol/convMessages';
import { exactObject, fail, finite, integer, list, nullable, oneOf, text, typedArray } from './check';
import type { StoredConvRecord, StoredResults } from './keptResults';

/** What a kept ConvRFM run may hold (params: px <= 28, patch <= 9, a few channels; at most 1,000 updates). */
export const CONV_LIMITS = {
  side: 512,
  channels: 4,
  features: 1024,
  records: 1001,
  points: 1001,
  responses: 1_000_000,
};

const f32 = (v: unknown, p: string, length: number) => {
  const a = typedArray(v, p, '$f32', length);
  if (a.length !== length) fail(p, `holds ${a.length} values, not ${length}`);
  return a;
};
const count = (v: unknown, p: string, max = 1e9) => integer(v, p, 0, max);
const optional = nullable(finite);

function image(value: unknown, path: string): ImageShape {
  const s = exactObject(value, path, ['height', 'width', 'channels']);
  return {
    height: integer(s.height, `${path}.height`, 1, CONV_LIMITS.side),
    width: integer(s.width, `${path}.width`, 1, CONV_LIMITS.side),
    channels: integer(s.channels, `${path}.channels`, 1, CONV_LIMITS.channels),
  };
}

function convSummary(value: unknown, path: string): ConvSummary {
  const s = exactObject(value, path, ['image', 'patch', 'features', 'positions', 'kernel', 'bandwidth', 'nTrain', 'nTest', 'c', 'probe', 'probeLabel', 'plain', 'deep']); // prettier-ignore
  const shape = image(s.image, `${path}.image`);
  const plain = exactObject(s.plain, `${path}.plain`, ['kernel', 'bandwidth', 'convention']);
  return {
    image: shape,
    patch: integer(s.patch, `${path}.patch`, 1, CONV_LIMITS.side),
    features: integer(s.features, `${path}.features`, 1, CONV_LIMITS.features),
    positions: count(s.positions, `${path}.positions`, CONV_LIMITS.side ** 2),
    kernel: oneOf(s.kernel, `${path}.kernel`, CONV_KERNELS),
    bandwidth: finite(s.bandwidth, `${path}.bandwidth`, 0),
    nTrain: count(s.nTrain, `${path}.nTrain`),
    nTest: count(s.nTest, `${path}.nTest`),
    c: integer(s.c, `${path}.c`, 1, 10_000),
    probe: f32(s.probe, `${path}.probe`, shape.height * shape.width * shape.channels),
    probeLabel: nullable((v, p) => text(v, p, 200))(s.probeLabel, `${path}.probeLabel`),
    plain: {
      kernel: text(plain.kernel, `${path}.plain.kernel`, 40),
      bandwidth: finite(plain.bandwidth, `${path}.plain.bandwidth`, 0),
      convention: text(plain.convention, `${path}.plain.convention`, 40),
    },
    deep: nullable((v, p) => {
      const d = exactObject(v, p, ['filters', 'shape']);
      return { filters: integer(d.filters, `${p}.filters`, 1, 1024), shape: image(d.shape, `${p}.shape`) };
    })(s.deep, `${path}.deep`),
  };
}

function convRecord(value: unknown, p: string, summary: ConvSummary): StoredConvRecord {
  const r = exactObject(value, p, ['iteration', 'f', 'M', 'filters', 'trainMse', 'testMse', 'trainAccuracy', 'testAccuracy', 'timings', 'backend', 'jitter', 'solveResidual', 'numTensors', 'responses', 'responseShape']); // prettier-ignore
  const f = integer(r.f, `${p}.f`, 1, CONV_LIMITS.features);
  if (f !== summary.features) fail(`${p}.f`, `must be the run's ${summary.features} features per patch, not ${f}`);
  const t = exactObject(r.timings, `${p}.timings`, ['kernel', 'solve', 'predict', 'agop']);
  const shape = exactObject(r.responseShape, `${p}.responseShape`, ['count', 'rows', 'cols']);
  const responseShape = {
    count: count(shape.count, `${p}.responseShape.count`, f),
    rows: count(shape.rows, `${p}.responseShape.rows`, CONV_LIMITS.side),
    cols: count(shape.cols, `${p}.responseShape.cols`, CONV_LIMITS.side),
  };
  return {
    iteration: count(r.iteration, `${p}.iteration`, CONV_LIMITS.records),
    f,
    M: f32(r.M, `${p}.M`, f * f),
    filters: list(r.filters, `${p}.filters`, f, (v, q) => {
      const filter = exactObject(v, q, ['eigenvalue', 'values', 'sum']);
      return {
        eigenvalue: finite(filter.eigenvalue, `${q}.eigenvalue`),
        values: f32(filter.values, `${q}.values`, f),
        sum: finite(filter.sum, `${q}.sum`),
      };
    }),
    trainMse: finite(r.trainMse, `${p}.trainMse`, 0),
    testMse: optional(r.testMse, `${p}.testMse`),
    trainAccuracy: optional(r.trainAccuracy, `${p}.trainAccuracy`),
    testAccuracy: optional(r.testAccuracy, `${p}.testAccuracy`),
    timings: { kernel: finite(t.kernel, `${p}.timings.kernel`, 0), solve: finite(t.solve, `${p}.timings.solve`, 0), predict: finite(t.predict, `${p}.timings.predict`, 0), agop: finite(t.agop, `${p}.timings.agop`, 0) }, // prettier-ignore
    backend: text(r.backend, `${p}.backend`, 40),
    jitter: finite(r.jitter, `${p}.jitter`, 0),
    solveResidual: finite(r.solveResidual, `${p}.solveResidual`, 0),
    numTensors: count(r.numTensors, `${p}.numTensors`),
    responses: f32(r.responses, `${p}.responses`, responseShape.count * responseShape.rows * responseShape.cols),
    responseShape,
  };
}

function convPoint(value: unknown, p: string): ConvPoint {
  const point = exactObject(value, p, ['iteration', 'testAccuracy', 'testMse', 'trainAccuracy']);
  return {
    iteration: count(point.iteration, `${p}.iteration`, CONV_LIMITS.points),
    testAccuracy: optional(point.testAccuracy, `${p}.testAccuracy`),
    testMse: optional(point.testMse, `${p}.testMse`),
    trainAccuracy: optional(point.trainAccuracy, `${p}.trainAccuracy`),
  };
}

/** A kept ConvRFM run's results (kind already checked by the caller). */
export function storedConvResults(value: unknown, path: string): Extract<StoredResults, { kind: 'convrfm' }> {
  const r = exactObject(value, path, ['kind', 'summary', 'records', 'lines']);
  const summary = convSummary(r.summary, `${path}.summary`);
  const records = list(r.records, `${path}.records`, CONV_LIMITS.records, (v, p) => convRecord(v, p, summary));
  const lines = exactObject(r.lines, `${path}.lines`, CONV_LINES);
  const points = (line: (typeof CONV_LINES)[number]) =>
    list(lines[line], `${path}.lines.${line}`, CONV_LIMITS.points, convPoint);
  return {
    kind: 'convrfm',
    summary,
    records,
    lines: { plain: points('plain'), deepLearned: points('deepLearned'), deepIdentity: points('deepIdentity') },
  };
}
