/**
 * The numbers behind the catapults panels (docs/catapults.md), from the sweep's runs (store/catapultRuns.ts),
 * kept apart from React and d3 so they can be tested: the loss per step with each spike's peak marked, the
 * NTK's top eigenvalue per step beside the 2 / lr edge of each step size, the alignment per step, and the
 * batch-size sweep (spikes, final alignment, test MSE against batch size, the small-step control apart).
 */
import { divergedAt } from '../../../experiments/catapultCaption';
import { catapultRunLabel, type ShownCatapultRun } from '../../../store/catapultRuns';
import { formatValue } from '../../../viz/format';
import type { LineChartData, LineSeries } from '../../../viz/lineChart';

type Measure = 'loss' | 'topEigenvalue' | 'alignment';

/**
 * One line per run of `measure` by step; the control dashed. Once a run's loss is not finite its weights are
 * too, and what they measure is no measurement (the cosine of a NaN AGOP reads 0): those steps are gaps.
 */
function perStep(runs: readonly ShownCatapultRun[], measure: Measure): LineSeries[] {
  return runs.map((run) => ({
    id: `run${run.index}`,
    label: catapultRunLabel(run),
    points: run.steps.map((s) => ({ x: s.step, y: Number.isFinite(s.loss) ? s[measure] : NaN })),
    ...(run.control ? { dashed: true } : {}),
  }));
}

/** Words for one spike: its steps, its peak and the alignment around it. */
export function spikeText(spike: ShownCatapultRun['spikes'][number]): string {
  return (
    `steps ${spike.start}–${spike.end}, peak ${formatValue(spike.peakLoss, 3)} at step ${spike.peak} ` +
    `(from ${formatValue(spike.lossBefore, 3)}); alignment ${spike.alignmentBefore.toFixed(2)} → ${spike.alignmentAfter.toFixed(2)}`
  );
}

/**
 * A diverging run's loss is drawn until it passes this multiple of its start: beyond, it would stretch the
 * log axis over twenty decades and flatten every other run's spikes (the list under the chart says where it
 * stops being finite).
 */
export const DIVERGED_LOSS_CAP = 1e3;

/**
 * The training loss per step, log scale, each spike's peak marked on its run's line (a diverging run's spike
 * past the cap is listed, not marked).
 */
export function lossChartData(runs: readonly ShownCatapultRun[]): LineChartData {
  const series = perStep(runs, 'loss').map((line, k) => {
    const run = runs[k]!;
    const diverged = divergedAt(run) >= 0;
    const cap = DIVERGED_LOSS_CAP * (run.steps[0]?.loss ?? 1);
    const points = diverged ? line.points.filter((p) => p.y <= cap) : line.points;
    const label = diverged ? `${line.label}, diverges` : line.label;
    const drawn = new Set(points.map((p) => p.x));
    const marks = run.spikes
      .filter((spike) => drawn.has(spike.peak))
      .map((spike) => ({ x: spike.peak, y: spike.peakLoss, label: `spike of ${label}: ${spikeText(spike)}` }));
    return { ...line, label, points, marks };
  });
  return { series };
}

/** The NTK's top eigenvalue per step, and 2 / lr (dashed, flat) for each step size the sweep uses. */
export function ntkChartData(runs: readonly ShownCatapultRun[]): LineChartData {
  const last = Math.max(0, ...runs.flatMap((r) => r.steps.map((s) => s.step)));
  const edges = new Map<number, number>();
  for (const run of runs) if (Number.isFinite(run.lr) && !edges.has(run.lrScale)) edges.set(run.lrScale, 2 / run.lr);
  const edgeLines: LineSeries[] = [...edges].map(([scale, edge]) => ({
    id: `edge${scale}`,
    label: `2 / lr at ${scale} × edge`,
    points: [
      { x: 0, y: edge },
      { x: last, y: edge },
    ],
    dashed: true,
    color: '#8c8c8c',
    opacity: scale > 1 ? 1 : 0.5,
  }));
  return { series: [...perStep(runs, 'topEigenvalue'), ...edgeLines] };
}

/** cos(AGOP_net, AGOP_true) per step. */
export function alignmentChartData(runs: readonly ShownCatapultRun[]): LineChartData {
  return { series: perStep(runs, 'alignment') };
}

export type SweepMeasure = 'spikes' | 'finalAlignment' | 'testMse';

/** A finished run's value of a sweep measure (NaN, left off the chart, for a run that diverged or has not finished). */
export function sweepValue(run: ShownCatapultRun, measure: SweepMeasure): number {
  if (!run.done || divergedAt(run) >= 0) return NaN;
  return measure === 'spikes' ? run.spikes.length : run[measure];
}

/**
 * One measure of the finished runs against batch size: the runs past the edge as one line, the small-step
 * control apart (its own marker, not joined to them: it differs in step size, not only in batch), and a
 * marker at the batch size of each run that diverged.
 */
export function sweepChartData(runs: readonly ShownCatapultRun[], measure: SweepMeasure): LineChartData {
  const line = (control: boolean): LineSeries[] => {
    const chosen = runs.filter((r) => r.control === control && r.done);
    if (chosen.length === 0) return [];
    const scale = chosen[0]!.lrScale;
    return [
      {
        id: control ? 'control' : 'large',
        label: control ? `control: ${scale} × edge` : `${scale} × edge`,
        points: [...chosen]
          .sort((a, b) => a.batchSize - b.batchSize)
          .map((r) => ({ x: r.batchSize, y: sweepValue(r, measure) })),
        ...(control ? { dashed: true } : {}),
      },
    ];
  };
  // A run that diverged has no value to draw: a labelled marker at its batch size says so.
  const diverged = runs.filter((r) => r.done && divergedAt(r) >= 0);
  const annotations = diverged.map((r) => ({ x: r.batchSize, label: `batch ${r.batchSize} diverged`, id: 'diverged' }));
  return { series: [...line(false), ...line(true)], annotations };
}
