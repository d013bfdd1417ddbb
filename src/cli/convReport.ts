/**
 * ConvRFM's progress lines for the CLI (docs/convrfm.md); its JSON is export/convJson.ts's, which the app's
 * Download JSON writes too.
 */
import type { ConvIterationRecord, ConvRfmOptions } from '../core/conv/convTypes';
import { describeFilter, filterShapeText } from '../core/conv/filterShape';

export { convIterationToJson, convSummary, type ConvIterationJson } from '../export/convJson';

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
