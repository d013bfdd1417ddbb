/**
 * For image data: the diagonal of M and its top three eigenvectors drawn as px x px images, the pixels
 * (and pixel patterns) the model learns to look at.
 */
import { selectShownRecord } from '../../../store/selectors';
import { useAppStore, type AppState } from '../../../store/store';
import { useChart } from '../../panels/useChart';
import { featureImages } from './featureImages';
import { createImageGrid } from './imageGrid';

const pick = (s: AppState) => ({ record: selectShownRecord(s), layout: s.dataset?.layout ?? null });

function toData({ record, layout }: ReturnType<typeof pick>) {
  if (!record || layout?.kind !== 'image' || layout.width * layout.height !== record.d) return null;
  return { width: layout.width, height: layout.height, images: featureImages(record) };
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
    </section>
  );
}
