/**
 * How M's structure forms, by iteration: the circulant deviation of its a-b block (log axis: it falls by
 * orders of magnitude) and the alignment of M_t with the final M (cosine similarity).
 */
import type { GrokkingPoint } from '../../../core/analysis/grokking';
import { useAppStore, type AppState } from '../../../store/store';
import { useLineChart } from '../../panels/useLineChart';
import { deviationReading, grokkingPoints, selectModularLayout, type ModularLayout } from './grokkingSelectors';
import { HowToRead } from '../../teach/HowToRead';
import { structureStory } from '../../teach/grokkingStory';
import { LineValues } from '../../a11y/StoreValues';
import { selectRecords } from '../../../store/selectors';

const pick = (s: AppState) => ({ records: selectRecords(s), layout: selectModularLayout(s) });

/** What the deviation's residue orders are, in words. */
const RELABELLING: Record<ModularLayout['op'], string | null> = {
  '+': null,
  '-': 'b negated',
  '*': 'discrete-log order',
  '/': 'discrete-log order, b inverted',
};

/** Points with a measured deviation: iteration 0 (M = I) has no a-b block to measure and gets none. */
const measured = (points: GrokkingPoint[], key: 'circulantDeviation' | 'naturalCirculantDeviation') =>
  points.flatMap((q) => {
    const y = q[key];
    return y === null ? [] : [{ x: q.iteration, y }];
  });

const selectReading = (s: AppState): string | null => {
  const layout = selectModularLayout(s);
  return layout ? deviationReading(grokkingPoints(selectRecords(s), layout), layout.p) : null;
};

function deviationData({ records, layout }: ReturnType<typeof pick>) {
  if (!layout) return null;
  const points = grokkingPoints(records, layout);
  const relabelling = RELABELLING[layout.op];
  const series = [
    {
      id: 'deviation',
      label: relabelling ? `circulant deviation (${relabelling})` : 'circulant deviation',
      points: measured(points, 'circulantDeviation'),
    },
  ];
  if (relabelling)
    series.push({
      id: 'natural',
      label: 'in natural order',
      points: measured(points, 'naturalCirculantDeviation'),
    });
  return { series: series.map((s, k) => ({ ...s, dashed: k > 0 })) };
}

function alignmentData({ records, layout }: ReturnType<typeof pick>) {
  if (!layout) return null;
  const points = grokkingPoints(records, layout);
  return {
    series: [
      { id: 'M', label: 'M_t with final M', points: points.map((q) => ({ x: q.iteration, y: q.alignment })) },
      {
        id: 'block',
        label: 'a-b blocks',
        dashed: true,
        points: points.map((q) => ({ x: q.iteration, y: q.blockAlignment })),
      },
    ],
  };
}

const DEVIATION_CHART = {
  xLabel: 'iteration',
  yLabel: 'circulant deviation',
  yScale: 'log',
  legend: true,
  testId: 'grokking-chart',
  height: 200,
} as const;
const ALIGNMENT_CHART = {
  ...DEVIATION_CHART,
  yLabel: 'cosine similarity',
  yScale: 'linear',
  testId: 'alignment-chart',
} as const;

/** Both charts' lines in one table, one row per iteration. */
function structureData(picked: ReturnType<typeof pick>) {
  const deviation = deviationData(picked);
  const alignment = alignmentData(picked);
  return deviation && alignment ? { series: [...deviation.series, ...alignment.series] } : null;
}

export function StructurePanel() {
  const deviationRef = useLineChart(DEVIATION_CHART, pick, deviationData);
  const alignmentRef = useLineChart(ALIGNMENT_CHART, pick, alignmentData);
  const p = useAppStore((s) => selectModularLayout(s)?.p);
  const finished = useAppStore((s) => s.status === 'finished');
  // A string: the caption re-renders only when its sentence changes.
  const story = useAppStore((s) => {
    const layout = selectModularLayout(s);
    if (!layout) return null;
    const deviations = grokkingPoints(selectRecords(s), layout).map((q) => ({
      iteration: q.iteration,
      value: q.circulantDeviation,
    }));
    return structureStory(deviations, selectRecords(s), s.status === 'finished');
  });
  const reading = useAppStore(selectReading);
  return (
    <section className="panel" aria-label="circulant structure">
      <header>
        <h3>Circulant structure and alignment</h3>
      </header>
      <div ref={deviationRef} className="chart grokking-chart" />
      <p className="caption">
        Circulant deviation of the a-b block: shift row l left by l, sum the column variances, divide by ‖A‖²
        {p ? ` (at most 1/p ≈ ${(1 / p).toPrecision(2)}, about what a block with no structure scores)` : ''}. Read it
        against 1/p: near 0 × 1/p means circulant. Iteration 0 (M = I) has no a-b block to measure, so it has no value
        (blank, not 0).{reading ? ` ${reading}` : ''}
        {story && ' '}
        {story && <span data-testid="circulant-story">{story}</span>}
      </p>
      <div ref={alignmentRef} className="chart grokking-chart" />
      <p className="caption">
        Cosine similarity of M_t with the {finished ? 'final' : 'latest'} M: how much of the{' '}
        {finished ? 'final' : 'latest'} structure each iteration already had. Where it climbs while test accuracy is
        still flat, the features form before the accuracy shows them.
      </p>
      <HowToRead panel="circulant" />
      <LineValues
        label="circulant deviation and alignment by iteration"
        testId="circulant-values"
        pick={pick}
        toData={structureData}
        x="iteration"
      />
    </section>
  );
}
