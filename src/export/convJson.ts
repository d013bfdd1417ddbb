/**
 * ConvRFM's JSON (docs/convrfm.md), for `rfm preset convrfm`, `rfm fit --image-shape` and the app's Download
 * JSON: per iteration test_acc, test_mse, M as nested rows and every filter (M's eigenvectors as q x q arrays,
 * with eigenvalue, sum and shape); the run's summary; and, from the app, the comparisons and a CSV.
 */
import type { ConvIterationRecord, ConvRfmOptions } from '../core/conv/convTypes';
import { filterGrid } from '../core/conv/filters';
import { describeFilter, filterShapeText } from '../core/conv/filterShape';
import type { Params } from '../params/schema';
import type { ConvLine, ConvPoint, ConvSummary } from '../protocol/convMessages';
import { csvField } from './csvField';

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

/** The app's ConvRFM run as `rfm preset convrfm` writes it (the comparisons as points by iteration). */
export function convRunJson(
  params: Params,
  summary: ConvSummary,
  records: readonly ConvIterationRecord[],
  lines: Readonly<Record<ConvLine, readonly ConvPoint[]>>,
  backend: string,
) {
  const options: ConvRfmOptions = {
    image: summary.image,
    patch: summary.patch,
    kernel: summary.kernel,
    bandwidth: summary.bandwidth,
    ridge: params.lambda,
    iterations: params.iters,
  };
  const points = (line: readonly ConvPoint[]) =>
    line.map((p) => ({ iteration: p.iteration, test_acc: p.testAccuracy, test_mse: p.testMse }));
  return {
    kind: 'convrfm',
    preset: params.preset,
    params,
    options,
    backend,
    data: {
      n_train: summary.nTrain,
      n_test: summary.nTest,
      c: summary.c,
      positions: summary.positions,
      features: summary.features,
    },
    iterations: records.map((r) => convIterationToJson(r, options)),
    summary: convSummary([...records]),
    plain_rfm: { ...summary.plain, iterations: points(lines.plain) },
    ...(summary.deep
      ? {
          deep_convrfm: [
            { filters: 'learned M', shape: summary.deep.shape, iterations: points(lines.deepLearned) },
            { filters: 'identity (control)', shape: summary.deep.shape, iterations: points(lines.deepIdentity) },
          ],
        }
      : {}),
  };
}

const CSV_HEADER = [
  'iteration',
  'test_acc',
  'test_mse',
  'train_acc',
  'train_mse',
  'top_filters',
  'plain_rfm_test_acc',
  'layer2_test_acc',
  'layer2_control_test_acc',
  'total_ms',
];

/** One row per iteration: ConvRFM's metrics, its top three filters in words, and the comparisons'. */
export function convRunCsv(
  records: readonly ConvIterationRecord[],
  lines: Readonly<Record<ConvLine, readonly ConvPoint[]>>,
  summary: ConvSummary,
): string {
  const cell = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));
  const at = (line: readonly ConvPoint[], t: number) => line.find((p) => p.iteration === t)?.testAccuracy;
  const rows = records.map((r) =>
    [
      String(r.iteration),
      cell(r.testAccuracy),
      cell(r.testMse),
      cell(r.trainAccuracy),
      cell(r.trainMse),
      csvField(
        r.filters
          .slice(0, 3)
          .map((f) => filterShapeText(describeFilter(f.values, summary.patch, summary.image.channels)))
          .join('; '),
      ),
      cell(at(lines.plain, r.iteration)),
      cell(at(lines.deepLearned, r.iteration)),
      cell(at(lines.deepIdentity, r.iteration)),
      String(Math.round(Object.values(r.timings).reduce((s, v) => s + v, 0))),
    ].join(','),
  );
  return `${[CSV_HEADER.join(','), ...rows].join('\n')}\n`;
}
