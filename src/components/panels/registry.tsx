/**
 * The panel registry: short name (params/view.ts) -> component, for the embed view, share links and the
 * full app's `panels=` choice. Panels that do not apply to the experiment are left out.
 */
import type { ComponentType } from 'react';
import type { PanelName } from '../../params/view';
import { useAppStore, type AppState } from '../../store/store';
import { AbBlockPanel } from '../views/grokking/AbBlockPanel';
import { GrokkingAccuracyPanel } from '../views/grokking/AccuracyPanel';
import { StructurePanel } from '../views/grokking/StructurePanel';
import { SweepChartPanel } from '../views/sweep/SweepChartPanel';
import { SweepHeatmapPanel } from '../views/sweep/SweepHeatmapPanel';
import { ClassificationAccuracyPanel } from '../views/tabular/AccuracyPanel';
import { FeatureImportancePanel } from '../views/tabular/FeatureImportancePanel';
import { ImageViewsPanel } from '../views/tabular/ImageViewsPanel';
import { PromptPanel } from '../views/text/PromptPanel';
import { TextComparisonPanel } from '../views/text/TextComparisonPanel';
import { TextFeaturePanel } from '../views/text/TextFeaturePanel';
import { ConfusionMatrixPanel } from './ConfusionMatrixPanel';
import { ErrorPanel } from './ErrorPanel';
import { HeatmapPanel } from './HeatmapPanel';
import { MetricsTable } from './MetricsTable';
import { panelKind, type PanelKind } from './panelKinds';
import { SpectrumPanel } from './SpectrumPanel';

const COMPONENTS: Record<PanelKind, ComponentType> = {
  heatmap: HeatmapPanel,
  sweepHeatmap: SweepHeatmapPanel,
  error: ErrorPanel,
  spectrum: SpectrumPanel,
  table: MetricsTable,
  grokkingAccuracy: GrokkingAccuracyPanel,
  classificationAccuracy: ClassificationAccuracyPanel,
  ab: AbBlockPanel,
  circulant: StructurePanel,
  confusion: ConfusionMatrixPanel,
  featureImportance: FeatureImportancePanel,
  imageViews: ImageViewsPanel,
  textFeatures: TextFeaturePanel,
  textComparison: TextComparisonPanel,
  prompt: PromptPanel,
  sweepChart: SweepChartPanel,
};

const CLASSIFICATION_DATA = new Set(['modular', 'text', 'iris', 'digits']);
const selectSweep = (s: AppState) => s.params.sweep !== 'none';
const selectClassification = (s: AppState) =>
  CLASSIFICATION_DATA.has(s.params.data) ||
  (s.dataset !== null && (s.dataset.classLabels !== null || s.records.some((r) => r.testConfusion !== null)));

/** The named panels that apply, in order, each in a wrapper carrying its name (`data-panel`). */
export function PanelList({ names }: { names: readonly PanelName[] }) {
  const data = useAppStore((s) => s.params.data);
  const sweep = useAppStore(selectSweep);
  const classification = useAppStore(selectClassification);
  return (
    <>
      {names.map((name) => {
        const kind = panelKind(name, { data, sweep, classification });
        if (!kind) return null;
        const Panel = COMPONENTS[kind];
        return (
          <div key={`${name}-${kind}`} className="panel-slot" data-panel={name}>
            <Panel />
          </div>
        );
      })}
    </>
  );
}
