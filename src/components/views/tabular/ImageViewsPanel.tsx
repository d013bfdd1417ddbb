/**
 * For image data: the diagonal of M and its top three eigenvectors drawn as px x px images, the pixels
 * (and pixel patterns) the model learns to look at.
 */
import { selectShownRecord } from '../../../store/selectors';
import { useAppStore, type AppState } from '../../../store/store';
import { useChart } from '../../panels/useChart';
import { featureImages } from './featureImages';
import { createImageGrid } from './imageGrid';
import { MatrixValuesOf } from '../../a11y/StoreValues';

const pick = (s: AppState) => ({ record: selectShownRecord(s), layout: s.dataset?.layout ?? null });

function toData({ record, layout }: ReturnType<typeof pick>) {
  if (!record || layout?.kind !== 'image' || layout.width * layout.height !== record.d) return null;
  return { width: layout.width, height: layout.height, images: featureImages(record) };
}

/** Each image as a table of its pixels (rows of the picture by columns). */
function toMatrices(picked: ReturnType<typeof pick>) {
  const data = toData(picked);
  if (!data || !picked.record) return null;
  const { width, height } = data;
  const iteration = picked.record.iteration;
  return data.images.map((image) => ({
    id: image.id,
    title: `${image.title}, iteration ${iteration}`,
    rows: height,
    cols: width,
    values: image.values,
    rowLabels: Array.from({ length: height }, (_, i) => `row ${i + 1}`),
    corner: 'pixel row \\ column',
  }));
}

export function ImageViewsPanel() {
  const ref = useChart(createImageGrid, pick, toData);
  const iteration = useAppStore((s) => selectShownRecord(s)?.iteration ?? null);
  return (
    <section className="panel" aria-label="feature matrix as images">
      <header>
        <h3>What the model looks at</h3>
      </header>
      <div ref={ref} className="image-views-host" />
      <p className="caption">
        {iteration === null
          ? 'No iterations yet.'
          : `M at iteration ${iteration}${iteration === 0 ? ' (M = I: every pixel the same)' : ''}: its diagonal (how much each pixel counts) and top eigenvectors (pixel patterns it compares), red positive, blue negative.`}
      </p>
      <MatrixValuesOf label="feature images" testId="image-values" pick={pick} toMatrices={toMatrices} />
    </section>
  );
}
