/**
 * The panels an experiment needs beyond the common ones (M, errors, spectrum, iterations), chosen by the
 * data's layout and the kind of job: one component per family, each owning its panels.
 */
import { useAppStore } from '../../store/store';
import { GrokkingViews } from './GrokkingViews';
import { SweepViews } from './SweepViews';
import { TabularViews } from './TabularViews';
import { TextViews } from './TextViews';

export function PresetViews() {
  const layout = useAppStore((s) => s.dataset?.layout.kind ?? 'vector');
  const jobKind = useAppStore((s) => s.jobKind);
  if (jobKind === 'sweep') return <SweepViews />;
  switch (layout) {
    case 'modular':
      return <GrokkingViews />;
    case 'text':
      return <TextViews />;
    default:
      return <TabularViews />;
  }
}
