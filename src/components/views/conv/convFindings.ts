/**
 * The ConvRFM captions, computed from the run's records (docs/convrfm.md): what M's top filters are (a blob,
 * oriented edges, read from the filter values by core/conv/filterShape.ts) and whether test accuracy moved
 * from the fixed convolutional kernel, beside the plain RFM on the pixels and the second layer. Present tense
 * while the run goes on; a verdict once it has finished. Pure, no DOM.
 */
import { describeFilter, type FilterShape } from '../../../core/conv/filterShape';
import type { ConvLine, ConvPoint, ConvRecord, ConvSummary } from '../../../protocol/convMessages';

export interface FilterReading {
  /** 1 for the top eigenvector. */
  rank: number;
  eigenvalue: number;
  sum: number;
  shape: FilterShape;
  /** 'a blob', 'a horizontal edge', 'neither blob nor edge'. */
  words: string;
}

const shapeWords = (shape: FilterShape) =>
  shape.kind === 'blob' ? 'a blob' : shape.kind === 'edge' ? `a ${shape.orientation} edge` : 'neither blob nor edge';

/** M's top `count` filters with what they look like. */
export function readFilters(record: ConvRecord, summary: ConvSummary, count = 3): FilterReading[] {
  return record.filters.slice(0, count).map((filter, k) => {
    const shape = describeFilter(filter.values, summary.patch, summary.image.channels);
    return { rank: k + 1, eigenvalue: filter.eigenvalue, sum: filter.sum, shape, words: shapeWords(shape) };
  });
}

/** What the top filters add up to, in the words of the papers (a CNN's first layer: a blob and edges). */
function overall(readings: readonly FilterReading[]): string {
  const blobs = readings.filter((r) => r.shape.kind === 'blob').length;
  const edges = readings.filter((r) => r.shape.kind === 'edge').length;
  if (blobs > 0 && edges > 0) return 'a blob and oriented edges, like the first layer of a CNN';
  if (edges > 0) return 'oriented edges';
  if (blobs > 0) return 'a blob, but no edges among them';
  return 'no blob and no edges';
}

/** The filters caption for the shown record; `final`: the run has finished and this is its last record. */
export function filterSentence(record: ConvRecord | null, summary: ConvSummary | null, final: boolean): string {
  if (!record || !summary) return 'The filters appear once the first iteration is done.';
  const q = summary.patch;
  if (record.iteration === 0)
    return `At iteration 0 M = I: every direction of a ${q} × ${q} patch weighs the same (all eigenvalues 1), so its eigenvectors are arbitrary; the filters take shape from the first update on.`;
  const readings = readFilters(record, summary);
  const list = readings
    .map((r) => `${r.rank}: ${r.words} (eigenvalue ${r.eigenvalue.toFixed(2)}, sum ${r.sum.toFixed(2)})`)
    .join('; ');
  return final
    ? `After ${record.iteration} updates M’s top eigenvectors became ${overall(readings)}: ${list}.`
    : `At iteration ${record.iteration} M’s top eigenvectors are ${overall(readings)}: ${list}.`;
}

const percent = (v: number | null | undefined) => (v === null || v === undefined ? 'n/a' : `${(v * 100).toFixed(1)}%`);

/** 'rose', 'fell' or 'did not move': a change smaller than one test image is none. */
function movement(from: number, to: number, nTest: number): 'rose' | 'fell' | 'did not move' {
  const images = Math.round((to - from) * nTest);
  return images > 0 ? 'rose' : images < 0 ? 'fell' : 'did not move';
}

/** The accuracy caption: ConvRFM against iteration 0 (the fixed convolutional kernel) and the plain RFM. */
export function accuracySentence(
  records: readonly ConvRecord[],
  lines: Readonly<Record<ConvLine, readonly ConvPoint[]>>,
  summary: ConvSummary | null,
  finished: boolean,
): string {
  const first = records[0];
  const last = records.at(-1);
  if (!first || !last || first.testAccuracy === null || last.testAccuracy === null || !summary)
    return 'Test accuracy appears once the first iteration is done.';
  const plainFirst = lines.plain[0]?.testAccuracy;
  const plainLast = lines.plain.at(-1);
  if (!finished) {
    const conv =
      last.iteration === 0
        ? `Test accuracy is ${percent(first.testAccuracy)} with the fixed convolutional kernel (iteration 0); the updates are running.`
        : `Test accuracy is ${percent(first.testAccuracy)} with the fixed convolutional kernel (iteration 0) and ${percent(last.testAccuracy)} at iteration ${last.iteration} so far.`;
    const plain = plainLast
      ? ` The plain RFM on the flattened pixels is at ${percent(plainLast.testAccuracy)} (iteration ${plainLast.iteration}).`
      : '';
    return conv + plain;
  }
  const moved = movement(first.testAccuracy, last.testAccuracy, summary.nTest);
  const conv =
    moved === 'did not move'
      ? `ConvRFM’s test accuracy did not move: ${percent(first.testAccuracy)} with the fixed convolutional kernel (iteration 0) and ${percent(last.testAccuracy)} after ${last.iteration} updates.`
      : `ConvRFM’s test accuracy ${moved} from ${percent(first.testAccuracy)} with the fixed convolutional kernel (iteration 0) to ${percent(last.testAccuracy)} after ${last.iteration} updates.`;
  const plain = plainLast
    ? ` The plain RFM on the flattened pixels of the same images went from ${percent(plainFirst)} to ${percent(plainLast.testAccuracy)}, so ConvRFM ends ${last.testAccuracy >= (plainLast.testAccuracy ?? 0) ? 'above' : 'below'} it.`
    : '';
  return conv + plain;
}

/** The second layer's caption (deep ConvRFM), or null without one. */
export function deepSentence(
  records: readonly ConvRecord[],
  lines: Readonly<Record<ConvLine, readonly ConvPoint[]>>,
  summary: ConvSummary | null,
  finished: boolean,
): string | null {
  const deep = summary?.deep;
  if (!deep) return null;
  const learned = lines.deepLearned.at(-1);
  const identity = lines.deepIdentity.at(-1);
  const layer1 = records.at(-1)?.testAccuracy;
  const intro = `Layer 2: ${deep.filters} random filters drawn from N(0, M), ReLU, then ConvRFM on the ${deep.shape.height} × ${deep.shape.width} × ${deep.filters} maps`;
  if (!learned) return `${intro} trains after the plain RFM.`;
  const control = identity ? `; with filters from N(0, I), the control, ${percent(identity.testAccuracy)}` : '';
  if (!finished)
    return `${intro}: ${percent(learned.testAccuracy)} at iteration ${learned.iteration} so far${control}.`;
  const verdict =
    learned.testAccuracy !== null && layer1 !== null && layer1 !== undefined
      ? learned.testAccuracy > layer1
        ? ' It beats layer 1.'
        : ' It does not beat layer 1.'
      : '';
  return `${intro}: ${percent(learned.testAccuracy)} after ${learned.iteration} updates (layer 1: ${percent(layer1)})${control}.${verdict}`;
}

export const KERNEL_NOTE =
  'The papers use a convolutional NTK; this is the patch kernel of the same family, K(x, z) = (1/P) Σ_p k(‖x_p − z_p‖_M), simple and fast.';
