/** The final M of one sweep point (the one picked, else the latest), as a heatmap. */
import { useMatrixHeatmap } from '../../panels/useMatrixHeatmap';
import { HideDiagonalToggle } from '../../panels/HideDiagonalToggle';
import { PARAMS } from '../../../params/schema';
import { selectHideDiagonal } from '../../../store/selectors';
import { useAppStore, type AppState } from '../../../store/store';
import { formatTick } from '../../../viz/format';
import { selectShownSweepIndex, selectShownSweepPoint, selectSweepParam } from './sweepSelectors';
import { topCoordinates } from './sweepChartData';
import { MatrixValuesOf } from '../../a11y/StoreValues';
import { squareMatrix } from '../../a11y/matrixBlocks';

/** The dataset's feature names fit a point only when it has the dataset's dimension (a d sweep changes it). */
const labelsFor = (s: AppState, d: number) =>
  s.dataset?.featureNames.length === d ? s.dataset.featureNames : undefined;

const pick = (s: AppState) => {
  const point = selectShownSweepPoint(s);
  return {
    point,
    key: PARAMS[selectSweepParam(s)].key,
    hideDiagonal: selectHideDiagonal(s),
    labels: point ? labelsFor(s, point.d) : undefined,
    scale: s.view.mscale,
  };
};

const toData = ({ point, key, hideDiagonal, labels, scale }: ReturnType<typeof pick>) =>
  point
    ? {
        values: point.M,
        d: point.d,
        labels,
        hideDiagonal,
        scale,
        title: `M at ${key} = ${formatTick(point.value)}, final iteration`,
      }
    : null;

function toMatrices(picked: ReturnType<typeof pick>) {
  const data = toData(picked);
  return data ? [squareMatrix('sweep-m', data)] : null;
}

export function SweepHeatmapPanel() {
  const { ref, hover } = useMatrixHeatmap(pick, toData);
  const point = useAppStore(selectShownSweepPoint);
  const index = useAppStore(selectShownSweepIndex);
  const picked = useAppStore((s) => s.selectedSweepPoint !== null);
  const key = useAppStore((s) => PARAMS[selectSweepParam(s)].key);
  const labels = useAppStore((s) => (point ? labelsFor(s, point.d) : undefined));
  const pinSweepPoint = useAppStore((s) => s.pinSweepPoint);

  return (
    <section
      className="panel sweep-heatmap"
      aria-label="feature matrix of a sweep point"
      data-testid="sweep-heatmap"
      data-index={index}
      data-value={point?.value ?? ''}
      data-d={point?.d ?? ''}
    >
      <header>
        <h3>M of a sweep point</h3>
        <span style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
          <HideDiagonalToggle testId="sweep-hide-diagonal" />
          {point && (
            <button
              type="button"
              className="small"
              onClick={() => pinSweepPoint(index)}
              // The name starts with the words shown (WCAG 2.5.3, label in name: a voice user says what they see).
              aria-label={`pin as run: the point ${key} = ${formatTick(point.value)}`}
            >
              pin as run
            </button>
          )}
        </span>
      </header>
      <div ref={ref} className="chart heatmap-host" />
      <p className="caption" data-testid="sweep-heatmap-caption">
        {hover ??
          (point
            ? `${picked ? '' : 'The latest point; click a point of the chart to choose another. '}At ${key} = ${formatTick(point.value)} the largest diagonal entries are ${topCoordinates(point.M, point.d, labels)}.`
            : 'No point has finished yet.')}
      </p>
      <MatrixValuesOf label="M of the sweep point" testId="sweep-heatmap-values" pick={pick} toMatrices={toMatrices} />
    </section>
  );
}
