/**
 * The panel registry: short name (params/view.ts) -> component, for the embed view, share links and the
 * full app's `panels=` choice. Panels that do not apply to the experiment are left out.
 */
import { useRef, type ComponentType } from 'react';
import { sourceOf } from '../../data/sources/descriptors';
import type { PanelName } from '../../params/view';
import { selectPlannedJob, selectRecords } from '../../store/selectors';
import { useAppStore, type AppState } from '../../store/store';
import { AbBlockPanel } from '../views/grokking/AbBlockPanel';
import { GrokkingAccuracyPanel } from '../views/grokking/GrokkingAccuracyPanel';
import { StructurePanel } from '../views/grokking/StructurePanel';
import { SweepChartPanel } from '../views/sweep/SweepChartPanel';
import { SweepHeatmapPanel } from '../views/sweep/SweepHeatmapPanel';
import { ClassificationAccuracyPanel } from '../views/tabular/ClassificationAccuracyPanel';
import { FeatureImportancePanel } from '../views/tabular/FeatureImportancePanel';
import { ImageViewsPanel } from '../views/tabular/ImageViewsPanel';
import { PromptPanel } from '../views/text/PromptPanel';
import { TextComparisonPanel } from '../views/text/TextComparisonPanel';
import { TextFeaturePanel } from '../views/text/TextFeaturePanel';
import { NfaCorrelationPanel } from '../views/nfa/NfaCorrelationPanel';
import { NnErrorPanel } from '../views/nfa/NnErrorPanel';
import { NnFeaturesPanel } from '../views/nfa/NnFeaturesPanel';
import { ConfusionMatrixPanel } from './ConfusionMatrixPanel';
import { ErrorPanel } from './ErrorPanel';
import { HeatmapPanel } from './HeatmapPanel';
import { MetricsTable } from './MetricsTable';
import { PanelExport } from '../export/PanelExport';
import { panelKind, tallPanels, type PanelKind } from './panelKinds';
import { SpectrumPanel } from './SpectrumPanel';
import { CoefficientsPanel } from '../views/linrfm/CoefficientsPanel';
import { LinRfmMetricSpectrumPanel, LinRfmRecoveryPanel } from '../views/linrfm/LinRfmRegistryPanels';
import { MatricesPanel } from '../views/linrfm/MatricesPanel';
import { PhaseTransitionPanel } from '../views/linrfm/PhaseTransitionPanel';
import { SingularValuesPanel } from '../views/linrfm/SpectraPanel';
import { ViewBoundary } from '../layout/ViewBoundary';
import { CollapsePanel } from '../views/deep/CollapsePanel';
import { DeepSpectrumPanel } from '../views/deep/DeepSpectrumPanel';
import { GramPanel } from '../views/deep/GramPanel';
import { SimplexPanel } from '../views/deep/SimplexPanel';
import { ConvAccuracyPanel } from '../views/conv/ConvAccuracyPanel';
import { ConvFeatureMapsPanel } from '../views/conv/ConvFeatureMapsPanel';
import { ConvFiltersPanel } from '../views/conv/ConvFiltersPanel';
import { ConvMatrixPanel } from '../views/conv/ConvMatrixPanel';
import { CatapultLossPanel } from '../views/catapults/CatapultLossPanel';
import { CatapultAlignmentPanel, CatapultNtkPanel } from '../views/catapults/CatapultStepPanels';
import { CatapultSweepPanel } from '../views/catapults/CatapultSweepPanel';
import { PredictorPanel } from '../views/predictor/PredictorPanel';
import { TreePanel } from '../views/tree/TreePanel';

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
  nnError: NnErrorPanel,
  nnFeatures: NnFeaturesPanel,
  nfa: NfaCorrelationPanel,
  linrfmMatrices: MatricesPanel,
  linrfmSingular: SingularValuesPanel,
  linrfmRecovery: LinRfmRecoveryPanel,
  linrfmMSpectrum: LinRfmMetricSpectrumPanel,
  linrfmCoefficients: CoefficientsPanel,
  linrfmPhase: PhaseTransitionPanel,
  deepCollapse: CollapsePanel,
  deepGram: GramPanel,
  deepSpectrum: DeepSpectrumPanel,
  deepSimplex: SimplexPanel,
  convM: ConvMatrixPanel,
  convFilters: ConvFiltersPanel,
  convFeatureMaps: ConvFeatureMapsPanel,
  convAccuracy: ConvAccuracyPanel,
  predictor: PredictorPanel,
  tree: TreePanel,
  catapultLoss: CatapultLossPanel,
  catapultNtk: CatapultNtkPanel,
  catapultAlignment: CatapultAlignmentPanel,
  catapultSweep: CatapultSweepPanel,
};

const selectClassification = (s: AppState) =>
  sourceOf(s.params.data).task(s.params) === 'classification' ||
  (s.dataset !== null && (s.dataset.classLabels !== null || selectRecords(s).some((r) => r.testConfusion !== null)));

/** Panels that are tables or text: the run's CSV and JSON take them out of the page, not a picture. */
const NOT_PICTURES = new Set<PanelKind>(['table', 'textComparison', 'prompt']);

function PanelSlot({
  name,
  kind,
  exportable,
  tall,
}: {
  name: PanelName;
  kind: PanelKind;
  exportable: boolean;
  tall: boolean;
}) {
  const slot = useRef<HTMLDivElement>(null);
  const Panel = COMPONENTS[kind];
  return (
    <div ref={slot} className="panel-slot" data-panel={name} data-tall={tall || undefined}>
      <ViewBoundary label={`the ${name} panel`}>
        <Panel />
      </ViewBoundary>
      {exportable && !NOT_PICTURES.has(kind) && <PanelExport name={name} slot={slot} />}
    </div>
  );
}

/**
 * The named panels that apply, in order, each in a slot carrying its name (`data-panel`) with its
 * Download PNG / SVG buttons when `exportable`.
 */
export function PanelList({ names, exportable = true }: { names: readonly PanelName[]; exportable?: boolean }) {
  const data = useAppStore((s) => s.params.data);
  const classification = useAppStore(selectClassification);
  const job = useAppStore(selectPlannedJob);
  const shown = names.flatMap((name) => {
    const kind = panelKind(name, { data, job, classification });
    return kind ? [{ name, kind }] : [];
  });
  const tall = tallPanels(shown.map((p) => p.kind));
  return (
    <>
      {shown.map(({ name, kind }, i) => (
        <PanelSlot key={`${name}-${kind}`} name={name} kind={kind} exportable={exportable} tall={tall.has(i)} />
      ))}
    </>
  );
}
