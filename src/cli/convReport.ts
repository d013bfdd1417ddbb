/**
 * ConvRFM's JSON and progress lines for the CLI (docs/convrfm.md): per iteration test_acc, test_mse, M as
 * nested rows and every filter (M's eigenvectors as q x q arrays, with eigenvalue, sum and shape).
 */
import type { ConvIterationRecord, ConvRfmOptions } from '../core/conv/convTypes';
import { filterGrid } from '../core/conv/filters';
import { describeFilter, filterShapeText } from '../core/conv/filterShape';

const round = (v: number, digits = 6) => Number(v.toPrecision(digits));

export interface ConvIterationJson {
  iteration: number;
  test_acc: number | null;
  test_mse: number | null;
  train_acc: number | null;
  train_mse: number;
  /** [f][f] */
  M: number[][];
  filters: {
    eigenvalue: number;
    /** [q][q] (one channel) or [channels][q][q] */
    filter: number[][] | number[][][];
    sum: number;
    shape: string;
    mean_cosine: number;
  }[];
  timings_ms: Record<string, number>;
  jitter: number;
}

export function convIterationToJson(record: ConvIterationRecord, options: ConvRfmOptions): ConvIterationJson {
  const { f } = record;
  const { patch: q } = options;
  const { channels } = options.image;
  return {
    iteration: record.iteration,
    test_acc: record.testAccuracy,
    test_mse: record.testMse,
    train_acc: record.trainAccuracy,
    train_mse: record.trainMse,
    M: Array.from({ length: f }, (_, i) => Array.from(record.M.subarray(i * f, (i + 1) * f), (v) => round(v, 8))),
    filters: record.filters.map(({ eigenvalue, values, sum }) => {
      const shape = describeFilter(values, q, channels);
      return {
        eigenvalue: round(eigenvalue),
        filter: filterGrid(
          Array.from(values, (v) => round(v, 5)),
          q,
          channels,
        ),
        sum: round(sum, 4),
        shape: filterShapeText(shape),
        mean_cosine: round(shape.meanCosine, 4),
      };
    }),
    timings_ms: Object.fromEntries(Object.entries(record.timings).map(([k, v]) => [k, Math.round(v)])),
    jitter: record.jitter,
  };
}

/** e.g. `iter 1/3  test acc 85.4%  test MSE 2.71e-2  filters blob, edge (vertical), edge (horizontal)  1.20 s` */
export function convProgressLine(record: ConvIterationRecord, options: ConvRfmOptions): string {
  const parts = [
    `iter ${record.iteration}/${options.iterations}${record.iteration === 0 ? ' (fixed kernel, M = I)' : ''}`,
    `train MSE ${record.trainMse.toExponential(3)}`,
  ];
  if (record.testMse !== null) parts.push(`test MSE ${record.testMse.toExponential(3)}`);
  if (record.testAccuracy !== null) parts.push(`test acc ${(record.testAccuracy * 100).toFixed(1)}%`);
  if (record.iteration > 0)
    parts.push(
      `filters ${record.filters
        .slice(0, 3)
        .map((flt) => filterShapeText(describeFilter(flt.values, options.patch, options.image.channels)))
        .join(', ')}`,
    );
  if (record.jitter > 0) parts.push(`jitter ${record.jitter.toExponential(2)} added to the diagonal`);
  const total = Object.values(record.timings).reduce((s, ms) => s + ms, 0);
  parts.push(`${(total / 1000).toFixed(2)} s`);
  return parts.join('  ');
}

/** The run in a few numbers: iteration 0 (the fixed convolutional kernel) against the last and best. */
export function convSummary(records: ConvIterationRecord[]) {
  const accuracies = records.map((r) => r.testAccuracy);
  const last = records.at(-1);
  const best = records.reduce<ConvIterationRecord | null>(
    (b, r) => (r.testAccuracy !== null && (b === null || r.testAccuracy > b.testAccuracy!) ? r : b),
    null,
  );
  return {
    fixed_kernel_test_acc: accuracies[0] ?? null,
    final_test_acc: last?.testAccuracy ?? null,
    best_test_acc: best?.testAccuracy ?? null,
    best_iteration: best?.iteration ?? null,
    fixed_kernel_test_mse: records[0]?.testMse ?? null,
    final_test_mse: last?.testMse ?? null,
  };
}
