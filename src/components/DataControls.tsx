/** Data: the controls of the current data source, then the sample sizes and the seed where they apply. */
import { isLinRfmKind } from '../jobs/job';
import { selectPlannedJobKind } from '../store/selectors';
import { useAppStore } from '../store/store';
import { ChoiceControl } from './controls/ChoiceControl';
import { ExpressionControl } from './controls/ExpressionControl';
import { NumberControl } from './controls/NumberControl';
import { LinRfmControls } from './data/LinRfmControls';
import { ModularControls } from './data/ModularControls';
import { SweepControls } from './data/SweepControls';
import { TabularControls } from './data/TabularControls';
import { TextControls } from './data/TextControls';

function SourceControls() {
  const data = useAppStore((s) => s.params.data);
  const linrfm = useAppStore((s) => isLinRfmKind(selectPlannedJobKind(s)));
  if (linrfm) return <LinRfmControls />;
  switch (data) {
    case 'synthetic':
      return (
        <>
          <ExpressionControl />
          <NumberControl name="d" />
          <NumberControl name="n" />
          <NumberControl name="ntest" />
          <ChoiceControl name="dist" />
          <NumberControl name="noise" />
        </>
      );
    case 'lowrank':
      return (
        <>
          <NumberControl name="d" />
          <NumberControl name="n" />
          <NumberControl name="ntest" />
        </>
      );
    case 'modular':
      return <ModularControls />;
    case 'text':
      return <TextControls />;
    default:
      return <TabularControls />;
  }
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
