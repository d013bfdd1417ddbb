/**
 * The panels of real data (a CSV, Boston, Iris, digits), chosen by what applies: for classification the
 * confusion matrix and accuracy by iteration; for features the ranking of diag(M); for images diag(M)
 * and M's top eigenvectors drawn as images. Synthetic data (vector layout, regression) gets none.
 */
import { useAppStore, type AppState } from '../../store/store';
import { ClassificationAccuracyPanel } from './tabular/ClassificationAccuracyPanel';
import { ConfusionMatrixPanel } from '../panels/ConfusionMatrixPanel';
import { FeatureImportancePanel } from './tabular/FeatureImportancePanel';
import { ImageViewsPanel } from './tabular/ImageViewsPanel';

const TABULAR_DATA = new Set(['csv', 'boston', 'iris', 'digits']);

const selectIsTabular = (s: AppState) => TABULAR_DATA.has(s.params.data);
const selectIsClassification = (s: AppState) =>
  s.dataset !== null && (s.dataset.classLabels !== null || s.records.some((r) => r.testConfusion !== null));
const selectIsImage = (s: AppState) => s.dataset?.layout.kind === 'image';

export function TabularViews() {
  const tabular = useAppStore(selectIsTabular);
  const classification = useAppStore(selectIsClassification);
  const image = useAppStore(selectIsImage);
  if (!tabular && !image && !classification) return null;
  return (
    <>
      {classification && <ConfusionMatrixPanel />}
      {classification && <ClassificationAccuracyPanel />}
      {image ? <ImageViewsPanel /> : tabular && <FeatureImportancePanel />}
    </>
  );
}
