/**
 * What a filter does to one image (docs/convrfm.md, "feature maps"): the filter's dot product with every
 * q x q patch at stride 1 without padding, a (height - q + 1) x (width - q + 1) map per filter. No ReLU: the
 * sign shows which side of an edge is bright. Plain loops: a few thousand multiply-adds per filter.
 */
import type { ImageShape, PatchFilter } from './convTypes';
import { patchGrid } from './patches';

/** image: [height * width * channels] row-major, channels last. Returns [filters.length, rows, cols] row-major. */
export function filterResponses(
  image: ArrayLike<number>,
  shape: ImageShape,
  q: number,
  filters: readonly Pick<PatchFilter, 'values'>[],
): { responses: Float32Array; rows: number; cols: number } {
  const { features: f } = patchGrid(shape, q);
  const rows = shape.height - q + 1;
  const cols = shape.width - q + 1;
  const { width, channels } = shape;
  const responses = new Float32Array(filters.length * rows * cols);
  filters.forEach(({ values }, k) => {
    if (values.length !== f) throw new Error(`a filter has ${values.length} values, not q^2 x channels = ${f}`);
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) {
        let sum = 0;
        let l = 0;
        for (let dr = 0; dr < q; dr++) {
          const start = ((r + dr) * width + c) * channels;
          for (let j = 0; j < q * channels; j++) sum += (image[start + j] as number) * values[l++]!;
        }
        responses[(k * rows + r) * cols + c] = sum;
      }
  });
  return { responses, rows, cols };
}
