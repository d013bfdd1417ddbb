/**
 * The caption of a ConvRFM run, from the run itself (docs/convrfm.md): what M's top three eigenvectors became
 * (blob, oriented edges), whether test accuracy moved from the fixed convolutional kernel (iteration 0), and
 * the plain RFM on the flattened pixels beside it. Says that the papers use a convolutional NTK.
 */
import type { ConvIterationRecord, ConvRfmOptions } from '../core/conv/convTypes';
import { describeFilter, filterShapeText } from '../core/conv/filterShape';
import type { IterationRecord } from '../core/types';

const percent = (v: number | null) => (v === null ? 'n/a' : `${(v * 100).toFixed(1)}%`);

export function convCaption(records: ConvIterationRecord[], plain: IterationRecord[], options: ConvRfmOptions): string {
  const first = records[0];
  const last = records.at(-1);
  if (!first || !last) return '';
  const filters = last.filters
    .slice(0, 3)
    .map(
      (flt, k) =>
        `${k + 1}: ${filterShapeText(describeFilter(flt.values, options.patch, options.image.channels))} (eigenvalue ${flt.eigenvalue.toFixed(2)}, sum ${flt.sum.toFixed(2)})`,
    )
    .join('; ');
  const moved =
    first.testAccuracy === null || last.testAccuracy === null
      ? ''
      : last.testAccuracy > first.testAccuracy
        ? 'rose'
        : last.testAccuracy < first.testAccuracy
          ? 'fell'
          : 'did not move';
  const plainBest = plain.reduce<number | null>(
    (b, r) => (r.testAccuracy !== null && (b === null || r.testAccuracy > b) ? r.testAccuracy : b),
    null,
  );
  return (
    `After ${last.iteration} updates M's top eigenvectors, drawn as ${options.patch} x ${options.patch} filters, are ${filters}. ` +
    `Test accuracy ${moved}: ${percent(first.testAccuracy)} with the fixed convolutional kernel (iteration 0), ${percent(last.testAccuracy)} at iteration ${last.iteration}; ` +
    `the plain RFM on the flattened pixels reaches ${percent(plain[0]?.testAccuracy ?? null)} at iteration 0 and ${percent(plainBest)} at its best. ` +
    'The papers use a convolutional NTK; this is the patch kernel of the same family.'
  );
}
