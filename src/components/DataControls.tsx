/** Data: the controls the current data source lists (data/sources/registry.ts), then the seed and the sweep. */
import { sourceOf } from '../data/sources/descriptors';
import type { SourceControl } from '../data/sources/source';
import { isLinRfmKind } from '../jobs/job';
import { selectPlannedJobKind } from '../store/selectors';
import { useAppStore } from '../store/store';
import { ExpressionControl } from './controls/ExpressionControl';
import { NumberControl } from './controls/NumberControl';
import { ParamControl, type ControlKey } from './controls/ParamControls';
import { LinRfmControls } from './data/LinRfmControls';
import { ModularControls } from './data/ModularControls';
import { SweepControls } from './data/SweepControls';
import { TableCsvUpload, TableTargetControl } from './data/TabularControls';
import { TextControls } from './data/TextControls';
import { DeepDataChoice } from './data/DeepDataChoice';

/** One of the source's controls (data/sources/source.ts SourceControl). */
function SourceControlView({ control }: { control: SourceControl }) {
  if ('param' in control) return <ParamControl name={control.param as ControlKey} />;
  switch (control.group) {
    case 'expression':
      return <ExpressionControl />;
    case 'modular':
      return <ModularControls />;
    case 'text':
      return <TextControls />;
    case 'target':
      return <TableTargetControl />;
    case 'csvUpload':
      return <TableCsvUpload />;
  }
}

const controlKey = (control: SourceControl): string => ('param' in control ? control.param : control.group);
/** The source controls Deep RFM reads (experiments/deepExperiment.ts): image side, points, a CSV and its labels. */
const DEEP_READS = new Set(['px', 'n', 'csvUpload', 'target']);

function SourceControls() {
  const data = useAppStore((s) => s.params.data);
  const kind = useAppStore(selectPlannedJobKind);
  if (isLinRfmKind(kind)) return <LinRfmControls />;
  // Deep RFM picks among the data with class labels (digits, Iris, a CSV), then the source's controls it
  // reads (it fits every point as a classification, as the features are: no test set, task or scaling).
  const deep = kind === 'deep-rfm';
  const controls = sourceOf(data).controls.filter((control) => !deep || DEEP_READS.has(controlKey(control)));
  return (
    <>
      {deep && <DeepDataChoice />}
      {controls.map((control) => (
        <SourceControlView key={controlKey(control)} control={control} />
      ))}
    </>
  );
}

export function DataControls() {
  return (
    <section className="control-group" aria-label="data">
      <h2>Data</h2>
      <SourceControls />
      <NumberControl name="seed" slider={false} />
      <SweepControls />
    </section>
  );
}
