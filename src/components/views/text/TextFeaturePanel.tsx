/**
 * "What the model reads": the diagonal of M reshaped to positions x characters (which characters at which
 * distance the kernel weighs), and each position's share of the total weight by iteration.
 */
import type { DatasetLayout } from '../../../core';
import { printableChar } from '../../../data/text/alphabet';
import { selectDarkTheme, selectRecords, selectShownRecord } from '../../../store/selectors';
import { useAppStore, type AppState } from '../../../store/store';
import { formatValue } from '../../../viz/format';
import { useChart } from '../../panels/useChart';
import { useLineChart } from '../../panels/useLineChart';
import { iterationLines } from '../../panels/recordSeries';
import { createPositionHeatmap } from './positionHeatmap';
import { positionCharacterWeights, positionLabel, positionShares } from './positionWeights';
import { HowToRead } from '../../teach/HowToRead';
import { LineTable, MatrixTable } from '../../a11y/StoreValues';
import { ValuesDetails } from '../../a11y/ValuesDetails';

type TextLayout = Extract<DatasetLayout, { kind: 'text' }>;

const textLayout = (s: AppState): TextLayout | null =>
  s.dataset?.layout.kind === 'text' ? (s.dataset.layout as TextLayout) : null;

const pickShown = (s: AppState) => ({ record: selectShownRecord(s), layout: textLayout(s) });

function heatmapData({ record, layout }: ReturnType<typeof pickShown>) {
  if (!record || !layout || record.d !== layout.k * layout.vocabulary.length) return null;
  const { k, vocabulary } = layout;
  const V = vocabulary.length;
  const values = positionCharacterWeights(record.M, k, V);
  const rows = Array.from({ length: k }, (_, p) => positionLabel(p, k));
  const columns = vocabulary.map(printableChar);
  const shares = positionShares(values, k, V);
  return {
    values,
    rows,
    columns,
    title: `diag(M) at iteration ${record.iteration}: position × character`,
    describe: (row: number, column: number, value: number) => [
      `'${columns[column]}' ${k - row} character${k - row === 1 ? '' : 's'} back`,
      `M diagonal = ${formatValue(value)}`,
      `position ${rows[row]}: ${(100 * (shares[row] ?? 0)).toFixed(1)}% of trace(M)`,
    ],
  };
}

const pickAll = (s: AppState) => ({
  records: selectRecords(s),
  layout: textLayout(s),
  planned: s.plannedRecords,
  dark: selectDarkTheme(s),
});

function sharesData({ records, layout, planned, dark }: ReturnType<typeof pickAll>) {
  if (!layout) return null;
  const { k, vocabulary } = layout;
  const V = vocabulary.length;
  return {
    series: iterationLines(
      records.filter((r) => r.d === k * V),
      {
        iteration: (r) => r.iteration,
        values: (r) => positionShares(positionCharacterWeights(r.M, k, V), k, V),
        planned,
        dark,
        baseline: 'M = I',
        x: (p) => p - k,
      },
    ),
  };
}

const SHARES_CHART = {
  xLabel: 'position (characters back)',
  yLabel: 'share of trace(M)',
  yScale: 'linear',
  legend: true,
  testId: 'text-position-chart',
  height: 180,
} as const;

function heatmapMatrices(picked: ReturnType<typeof pickShown>) {
  const data = heatmapData(picked);
  if (!data) return null;
  const { values, rows, columns, title } = data;
  return [
    {
      id: 'weights',
      title,
      rows: rows.length,
      cols: columns.length,
      values,
      rowLabels: rows,
      colLabels: columns,
      corner: 'position \\ character',
    },
  ];
}

function TextValues() {
  return (
    <ValuesDetails label="position and character weights" testId="text-values">
      {() => (
        <>
          <MatrixTable pick={pickShown} toMatrices={heatmapMatrices} />
          <LineTable
            label="share of trace(M) by position, per iteration"
            pick={pickAll}
            toData={sharesData}
            x="position"
            layout="bySeries"
            maxColumns={32}
          />
        </>
      )}
    </ValuesDetails>
  );
}

export function TextFeaturePanel() {
  const heatmapRef = useChart((node) => createPositionHeatmap(node), pickShown, heatmapData);
  const sharesRef = useLineChart(SHARES_CHART, pickAll, sharesData);
  const shown = useAppStore(selectShownRecord);
  return (
    <section className="panel wide" aria-label="what the model reads">
      <header>
        <h3>What the model reads</h3>
      </header>
      <div className="text-reads">
        <div ref={heatmapRef} className="chart text-heatmap-host" />
        <div ref={sharesRef} className="chart text-position-host" />
      </div>
      <p className="caption">
        {shown && shown.iteration > 0
          ? 'Each cell is the weight M gives to one character at one distance before the predicted one; the line shows how the weight spreads over positions. Nearby characters usually matter most.'
          : 'M starts as the identity: every position and character counts the same. Watch the weight move to the last few characters.'}
      </p>
      <HowToRead panel="text" />
      <TextValues />
    </section>
  );
}
