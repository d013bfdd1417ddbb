/**
 * What the network and the RFM learned, side by side: the network's first-layer W^T W, its centred
 * (W - W_0)^T (W - W_0), its own sqrt(AGOP), and the RFM's final M, with a scrubber over recorded epochs.
 * Under the neural feature ansatz the first three look alike, and like M.
 */
import type { ReactNode } from 'react';
import type { NnEpochRecord } from '../../../core/nn/networkTypes';
import { selectShownNnRecord, selectNnRecords } from '../../../store/nnSelectors';
import { selectHideDiagonal, selectRecords } from '../../../store/selectors';
import { useAppStore, type AppState } from '../../../store/store';
import type { HeatmapCell } from '../../../viz/heatmap';
import { useMatrixHeatmap } from '../../panels/useMatrixHeatmap';
import { IterationScrubber } from '../../panels/IterationScrubber';
import { MatrixValuesOf } from '../../a11y/StoreValues';
import { squareMatrix } from '../../a11y/matrixBlocks';

const base = (s: AppState) => ({
  hideDiagonal: selectHideDiagonal(s),
  labels: s.dataset?.featureNames,
});

function networkMatrix(name: string, matrix: (r: NnEpochRecord) => Float64Array) {
  const pick = (s: AppState) => ({ ...base(s), record: selectShownNnRecord(s) });
  const toData = ({ record, hideDiagonal, labels }: ReturnType<typeof pick>) =>
    record
      ? { values: matrix(record), d: record.d, labels, hideDiagonal, title: `${name}, epoch ${record.epoch}` }
      : null;
  return { pick, toData };
}

const WTW = networkMatrix('WᵀW', (r) => r.WtW);
const CENTRED = networkMatrix('(W−W₀)ᵀ(W−W₀)', (r) => r.centredWtW);
const AGOP = networkMatrix('√AGOP', (r) => r.sqrtAgop);
const rfmPick = (s: AppState) => ({ ...base(s), record: selectRecords(s).at(-1) ?? null });
const RFM = {
  pick: rfmPick,
  toData: ({ record, hideDiagonal, labels }: ReturnType<typeof rfmPick>) =>
    record
      ? { values: record.M, d: record.d, labels, hideDiagonal, title: `RFM’s M, iteration ${record.iteration}` }
      : null,
};

/** The four matrices as tables: the network's three at the scrubbed epoch and the RFM's final M. */
const valuesPick = (s: AppState) => ({
  ...base(s),
  record: selectShownNnRecord(s),
  rfm: selectRecords(s).at(-1) ?? null,
});
function valuesMatrices({ record, rfm, labels, hideDiagonal }: ReturnType<typeof valuesPick>) {
  const sources = [
    ['wtw', WTW.toData({ record, labels, hideDiagonal })],
    ['centred', CENTRED.toData({ record, labels, hideDiagonal })],
    ['agop', AGOP.toData({ record, labels, hideDiagonal })],
    ['rfm', RFM.toData({ record: rfm, labels, hideDiagonal })],
  ] as const;
  return sources.flatMap(([id, data]) => (data ? [squareMatrix(id, data)] : []));
}

const entry = (name: string) => (cell: HeatmapCell) => `${name}[${cell.rowLabel}, ${cell.colLabel}]`;

function Matrix({ label, hover, children }: { label: string; hover: string | null; children: ReactNode }) {
  return (
    <figure aria-label={label} title={hover ?? undefined} style={{ margin: 0 }}>
      <h4>{label}</h4>
      {children}
    </figure>
  );
}

export function NnFeaturesPanel() {
  const wtw = useMatrixHeatmap(WTW.pick, WTW.toData, { maxSide: 300, entryName: entry('WᵀW') });
  const centred = useMatrixHeatmap(CENTRED.pick, CENTRED.toData, { maxSide: 300, entryName: entry('ΔWᵀΔW') });
  const agop = useMatrixHeatmap(AGOP.pick, AGOP.toData, { maxSide: 300, entryName: entry('√AGOP') });
  const rfm = useMatrixHeatmap(RFM.pick, RFM.toData, { maxSide: 300 });
  const records = useAppStore(selectNnRecords);
  const selected = useAppStore((s) => s.selectedNnRecord);
  const selectNnRecord = useAppStore((s) => s.selectNnRecord);
  const shown = useAppStore(selectShownNnRecord);
  const hover = wtw.hover ?? centred.hover ?? agop.hover ?? rfm.hover;
  return (
    <section className="panel wide" aria-label="network features">
      <header>
        <h3>Features: the network’s first layer beside the RFM’s M</h3>
      </header>
      <div className="nfa-heatmaps">
        <Matrix label="network WᵀW" hover={wtw.hover}>
          <div ref={wtw.ref} className="chart heatmap-host" />
        </Matrix>
        <Matrix label="network (W−W₀)ᵀ(W−W₀)" hover={centred.hover}>
          <div ref={centred.ref} className="chart heatmap-host" />
        </Matrix>
        <Matrix label="network √AGOP" hover={agop.hover}>
          <div ref={agop.ref} className="chart heatmap-host" />
        </Matrix>
        <Matrix label="RFM M" hover={rfm.hover}>
          <div ref={rfm.ref} className="chart heatmap-host" />
        </Matrix>
      </div>
      <IterationScrubber
        label="epoch shown"
        testId="nn-epoch-scrubber"
        textTestId="nn-epoch-label"
        count={records.length}
        shown={selected ?? records.length - 1}
        onSelect={selectNnRecord}
        text={
          shown ? `epoch ${shown.epoch}${shown.epoch === 0 ? ' (initialisation)' : ''}` : 'the network has not started'
        }
      />
      <p className="caption">
        {hover ??
          'W is the first layer’s weight matrix (hidden units × inputs), so WᵀW is inputs × inputs like M. The neural feature ansatz says WᵀW ∝ a power of the network’s own AGOP; RFM is that mechanism without the network.'}
      </p>
      <MatrixValuesOf
        label="network and RFM matrices"
        testId="nn-features-values"
        pick={valuesPick}
        toMatrices={valuesMatrices}
      />
    </section>
  );
}
