/**
 * What M's top filters do to a test image (docs/convrfm.md): the image, then each filter slid over it (stride
 * 1, no padding, no ReLU), computed in the worker for every iteration and shown for the scrubbed one.
 */
import { useAppStore, type AppState } from '../../../store/store';
import { MatrixValuesOf } from '../../a11y/StoreValues';
import { useChart } from '../../panels/useChart';
import { HowToRead } from '../../teach/HowToRead';
import { createMatrixImages } from '../../../viz/matrixImages';
import { featureMapImages, imagesAsMatrices } from './convChartData';
import { ConvScrubber } from './ConvScrubber';
import { selectConvSummary, selectShownConvRecord } from './convSelectors';

const pick = (s: AppState) => ({ record: selectShownConvRecord(s), summary: selectConvSummary(s) });
const toData = ({ record, summary }: ReturnType<typeof pick>) =>
  record && summary ? featureMapImages(record, summary) : null;
const toMatrices = (picked: ReturnType<typeof pick>) => imagesAsMatrices(toData(picked));

export function ConvFeatureMapsPanel() {
  const ref = useChart((node) => createMatrixImages(node, { testId: 'conv-feature-maps', sidePx: 96 }), pick, toData);
  const iteration = useAppStore((s) => selectShownConvRecord(s)?.iteration ?? null);
  return (
    <section className="panel" aria-label="feature maps">
      <header>
        <h3>Feature maps</h3>
      </header>
      <div ref={ref} className="chart" />
      <ConvScrubber testId="conv-maps-scrubber" />
      <p className="caption" data-testid="conv-maps-caption">
        {iteration === null
          ? 'The maps appear once the first iteration is done.'
          : `The filters of iteration ${iteration} slid over the test image: red where a patch matches the filter, blue where it matches its negative.`}
      </p>
      <HowToRead panel="featuremaps" />
      <MatrixValuesOf label="feature maps" testId="conv-maps-values" pick={pick} toMatrices={toMatrices} />
    </section>
  );
}
