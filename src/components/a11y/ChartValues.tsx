/** "Show values" tables for the charts, each fed from the store like the chart it stands beside. */
import { useShallow } from 'zustand/react/shallow';
import { selectRecords, selectShownRecord, selectSweepPoints } from '../../store/selectors';
import { useAppStore, type AppState } from '../../store/store';
import { squareMatrix } from './matrixBlocks';
import { MatrixTable } from './StoreValues';
import { ValuesDetails, ValuesTable } from './ValuesDetails';
import {
  FULL_MATRIX_MAX_D,
  accuracyValues,
  confusionValues,
  errorValues,
  matrixValues,
  spectrumValues,
  sweepValues,
} from './chartValues';

function ErrorTable() {
  const records = useAppStore((s) => selectRecords(s));
  return <ValuesTable label="error by iteration" data={errorValues(records)} />;
}
export const ErrorValues = () => (
  <ValuesDetails label="error curves" testId="error-values">
    {() => <ErrorTable />}
  </ValuesDetails>
);

function AccuracyTable() {
  const records = useAppStore((s) => selectRecords(s));
  return <ValuesTable label="accuracy by iteration" data={accuracyValues(records)} />;
}
export const AccuracyValues = () => (
  <ValuesDetails label="accuracy curves" testId="accuracy-values">
    {() => <AccuracyTable />}
  </ValuesDetails>
);

function SpectrumTable() {
  const records = useAppStore((s) => selectRecords(s));
  return <ValuesTable label="kernel spectrum" data={spectrumValues(records)} />;
}
export const SpectrumValues = () => (
  <ValuesDetails label="kernel spectrum" testId="spectrum-values">
    {() => <SpectrumTable />}
  </ValuesDetails>
);

const pickShownM = (s: AppState) => ({ record: selectShownRecord(s), labels: s.dataset?.featureNames });
const shownM = ({ record, labels }: ReturnType<typeof pickShownM>) =>
  record
    ? [squareMatrix('m', { values: record.M, d: record.d, labels, title: `M at iteration ${record.iteration}` })]
    : null;

/** M whole for small d; for larger d its diagonal, then the whole of it a block at a time. */
function MTable() {
  const { record, labels } = useAppStore(useShallow(pickShownM));
  const data = record ? matrixValues(record.M, record.d, labels) : null;
  const label = record ? `M at iteration ${record.iteration}${data?.note ? ', diagonal' : ''}` : 'M';
  return (
    <>
      <ValuesTable label={label} data={data} />
      {record && record.d > FULL_MATRIX_MAX_D && <MatrixTable pick={pickShownM} toMatrices={shownM} />}
    </>
  );
}
export const MatrixValues = () => (
  <ValuesDetails label="feature matrix" testId="matrix-values">
    {() => <MTable />}
  </ValuesDetails>
);

function ConfusionTable() {
  const counts = useAppStore((s) => selectShownRecord(s)?.testConfusion ?? null);
  const labels = useAppStore((s) => s.dataset?.classLabels ?? null);
  return <ValuesTable label="confusion matrix" data={counts ? confusionValues(counts, labels) : null} />;
}
export const ConfusionValues = () => (
  <ValuesDetails label="confusion matrix" testId="confusion-values">
    {() => <ConfusionTable />}
  </ValuesDetails>
);

function SweepTable() {
  const points = useAppStore((s) => selectSweepPoints(s));
  const parameter = useAppStore((s) => s.params.sweep);
  return <ValuesTable label="sweep" data={sweepValues(points, parameter)} />;
}
export const SweepValues = () => (
  <ValuesDetails label="sweep chart" testId="sweep-chart-values">
    {() => <SweepTable />}
  </ValuesDetails>
);
