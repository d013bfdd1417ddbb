/**
 * The Gram matrix of X_l at the scrubbed layer: cosines between the points after centring, rows and columns
 * sorted by class (core/deep/classGram.ts), with the AGOP and without it (the control) side by side. As the
 * classes collapse, blocks of ~1 form on the diagonal and the blocks between classes approach -1/(K-1).
 */
import { useShallow } from 'zustand/react/shallow';
import type { AppState } from '../../../store/store';
import { useAppStore } from '../../../store/store';
import { createMatrixImages, type MatrixImagePanel } from '../../../viz/matrixImages';
import { MatrixValuesOf } from '../../a11y/StoreValues';
import { useChart } from '../../panels/useChart';
import { HowToRead } from '../../teach/HowToRead';
import { DeepLayerScrubber } from './DeepLayerScrubber';
import { agopLayers, controlLayers, selectDeepLayers, selectDeepSummary, selectShownDeepLayer } from './deepSelectors';

const pick = (s: AppState) => {
  const layers = selectDeepLayers(s);
  const shown = selectShownDeepLayer(s);
  return {
    summary: selectDeepSummary(s),
    agop: agopLayers(layers)[shown],
    control: controlLayers(layers)[shown],
  };
};

function toData({ summary, agop, control }: ReturnType<typeof pick>) {
  if (!summary || !agop) return null;
  const side = summary.gramPoints;
  const panels: MatrixImagePanel[] = [
    {
      id: 'agop',
      title: `with the AGOP: X_${agop.record.layer}`,
      rows: side,
      cols: side,
      values: agop.gram,
      kind: 'values',
    },
  ];
  if (control)
    panels.push({
      id: 'control',
      title: `control (M = I): X_${control.record.layer}`,
      rows: side,
      cols: side,
      values: control.gram,
      kind: 'values',
    });
  return { panels, bound: 1 };
}

function toMatrices(picked: ReturnType<typeof pick>) {
  return toData(picked)?.panels.map((panel) => ({ ...panel, corner: 'point \\ point' })) ?? null;
}

/** "digits 0-9, 50 points each" style words for the class blocks. */
function classWords(s: AppState): string {
  const summary = selectDeepSummary(s);
  if (!summary) return '';
  const sizes = Array.from(
    { length: summary.classes },
    (_, c) => summary.classStarts[c + 1]! - summary.classStarts[c]!,
  );
  const even = sizes.every((size) => size === sizes[0]);
  const sampled =
    summary.gramPoints < summary.n ? ` (${summary.gramPoints} of ${summary.n} points, evenly spread)` : '';
  return `${summary.classes} classes (${summary.classLabels.join(', ')}) in order${even ? `, ${sizes[0]} points each` : ''}${sampled}.`;
}

export function GramPanel() {
  const ref = useChart((node) => createMatrixImages(node, { testId: 'deep-gram', sidePx: 320 }), pick, toData);
  const words = useAppStore(useShallow(classWords));
  return (
    <section className="panel wide" aria-label="Gram matrix of the features by class">
      <header>
        <h3>Gram matrix by class</h3>
      </header>
      <div ref={ref} className="chart" />
      <DeepLayerScrubber />
      <p className="caption">
        Cosines between centred points, {words} Red blocks on the diagonal: a class collapsing onto its mean; blue
        between blocks: classes pushed apart.
      </p>
      <HowToRead panel="gram" />
      <MatrixValuesOf label="Gram matrices" testId="deep-gram-values" pick={pick} toMatrices={toMatrices} />
    </section>
  );
}
