/**
 * Preset captions computed from the actual parameters and, once there are results, from the run itself (the
 * outcome by the data source's story, not by preset):
 * the caption says "in 20 dimensions" when d = 20, and says plainly when a run goes against the preset's
 * story (no grokking jump, RFM no better than the plain kernel or the trigram). Pure: no DOM, no store.
 */
import type { IterationRecord } from '../../core';
import { sourceOf } from '../../data/sources/descriptors';
import type { SourceStory } from '../../data/sources/source';
import { catapultPlan } from '../../experiments/catapultPlan';
import { jobKindOf, sweepParamOf } from '../../jobs/job';
import { PRESETS } from '../../params/presets';
import type { Params } from '../../params/schema';
import type { DatasetSummary, SweepPoint } from '../../protocol/messages';
import { formatValue } from '../../viz/format';
import { grokkingOutcome } from './grokkingStory';

export interface RunFacts {
  params: Params;
  records: readonly IterationRecord[];
  dataset: DatasetSummary | null;
  sweepPoints: readonly SweepPoint[];
  finished: boolean;
}

const pct = (v: number) => `${(v * 100).toFixed(v >= 0.995 && v < 1 ? 1 : 0)}%`;

/** The coordinates x1..xd an expression uses, in order of first appearance ('x1, x2, x3'). */
export function variablesOf(expr: string): string[] {
  const seen: string[] = [];
  for (const match of expr.matchAll(/\bx(\d+)\b/g)) if (!seen.includes(match[0])) seen.push(match[0]);
  return seen;
}

/** What the caption says before any result: the setup in the actual numbers. */
export function presetSetup(params: Params): string {
  switch (params.preset) {
    case 'seed': {
      const used = variablesOf(params.expr);
      return (
        `f(x) = ${params.expr} in ${params.d} dimensions, from ${params.n} training points. ` +
        `Watch M concentrate on ${used.length ? used.join(', ') : 'the coordinates f uses'} while the test error ` +
        `falls below the plain ${params.kernel} kernel (iteration 0).`
      );
    }
    case 'scaling':
      return (
        `The target f(x) = ${params.expr} as the ${sweepParamOf(params) ?? 'dimension'} grows from ` +
        `${params.from} to ${params.to} (${params.steps} runs): the plain kernel (iteration 0) is expected to ` +
        `degrade with d, RFM much less, because M finds the coordinates f uses. Click a point to see its M.`
      );
    case 'grokking':
      return (
        `Modular arithmetic, (a ${params.op} b) mod p with p = ${params.p}, learned from ${pct(params.frac)} of the ` +
        `${params.p * params.p} pairs. Train accuracy is 100% from the start; watch whether test accuracy stays ` +
        `low for several iterations and then jumps as the a-b block of M becomes circulant.`
      );
    case 'text':
      return (
        `Predict the next character of ${params.corpus === 'moby' ? 'Moby Dick' : 'your text'} from the previous ` +
        `${params.k}, with ${params.n} training windows. M, shown as position × character, reveals which ` +
        `positions and letters the model uses; compare with the bigram and trigram models.`
      );
    case 'lowrank':
      return (
        `f(x) = x₁x₂·1{x₆ > 0}, d = ${params.d}, n = ${params.n}. At d = 20, n = 4000 the authors’ notebook ` +
        `reports test MSE ≈ 0.0123, 0.0063, 0.0032, 0.0024, 0.0021, 0.0020 by iteration, with coordinates 1, 2 ` +
        `and 6 on top of M’s diagonal.`
      );
    case 'boston':
      return (
        'Median house value from 13 features of 506 Boston tracts (Harrison & Rubinfeld, 1978). The diagonal of M ' +
        'ranks the features. On this small table RFM is not expected to beat the plain Laplace kernel (iteration 0) ' +
        'on the test rows: the validation split shows when it over-fits.'
      );
    case 'iris':
      return 'Three species from four flower measurements. Accuracy by argmax over one-hot outputs; M shows which measurements carry the signal.';
    case 'digits':
      return `MNIST digits downsampled to ${params.px} × ${params.px}, ${params.n} training images. The diagonal and top eigenvectors of M, drawn as images, show which pixels the model learns to look at. With a few thousand images RFM lowers the plain kernel's test error, not its accuracy.`;
    case 'csv':
      return 'Upload a CSV with a header row and numeric columns, choose the target column, and train.';
    case 'neural-collapse':
      return (
        `Deep RFM on ${params.n} points (data: ${params.data}): each of ${params.depth} layers normalises the points, ` +
        `takes one RFM step (M = AGOP / n), multiplies by M^½ and applies a random ReLU layer of width ${params.rwidth}. ` +
        'Watch NC1 (spread within classes over spread between them) fall layer by layer while the same stack ' +
        'without the AGOP does not collapse, and the class blocks appear in the Gram matrix.'
      );
    case 'catapults': {
      const plan = catapultPlan(params);
      const sizes = plan.filter((r) => !r.control).map((r) => r.batchSize);
      const control = plan.find((r) => r.control)!;
      return (
        `A two-layer ReLU network (width ${params.nnwidth}) learns f(x) = ${params.expr} in d = ${params.d} from ` +
        `${params.n} points by plain SGD at ${params.lrx} × its edge of stability (2 / λmax of the tangent kernel), ` +
        `${params.sgdsteps} steps per batch size (${sizes.join(', ')}), beside batch ${control.batchSize} at ` +
        `${control.lrScale} × the edge. Watch the loss spike (a catapult, marked), the kernel’s top eigenvalue fall ` +
        'below 2 / lr and the AGOP alignment jump. The paper says smaller batches give more catapults and lower test ' +
        'error; the caption under the loss says whether this run does.'
      );
    }
    default:
      return PRESETS[params.preset].caption;
  }
}

/**
 * The test error or accuracy story of a single run: the baseline (iteration 0) against the model that
 * predicts, which is the best iteration on the validation split when there is one (else the last).
 */
function kernelOutcome(records: readonly IterationRecord[], finished: boolean): string | null {
  const first = records[0];
  const last = records.at(-1);
  if (!first || !last || last === first) return null;
  const best = last.bestIteration === null ? null : (records.find((r) => r.iteration === last.bestIteration) ?? null);
  const model = best ?? last;
  const sofar = finished ? '' : ' so far';
  const at = best ? `the best iteration on the validation split, ${best.iteration}` : `iteration ${last.iteration}`;
  if (model === first)
    return `This run${sofar}: the validation split picks iteration 0, the plain kernel: RFM's iterations did not improve on it.`;
  if (first.testAccuracy !== null && model.testAccuracy !== null) {
    const a0 = first.testAccuracy;
    const a1 = model.testAccuracy;
    if (a1 > a0) return `This run${sofar}: test accuracy ${pct(a0)} (plain kernel) → ${pct(a1)} at ${at}.`;
    if (a1 < a0)
      return `This run${sofar}: RFM does worse than the plain kernel here (test accuracy ${pct(a0)} → ${pct(a1)} at ${at}).`;
    return `This run${sofar}: RFM is no better than the plain kernel here (test accuracy ${pct(a0)} → ${pct(a1)} at ${at}).`;
  }
  if (first.testMse !== null && model.testMse !== null) {
    const ratio = first.testMse / model.testMse;
    if (ratio > 1.05)
      return `This run${sofar}: test MSE ${formatValue(first.testMse)} (plain kernel) → ${formatValue(model.testMse)} at ${at}, ${formatValue(ratio, 2)}× lower.`;
    if (ratio < 1 / 1.05)
      return `This run${sofar}: RFM does worse than the plain kernel here: test MSE ${formatValue(first.testMse)} (plain kernel) → ${formatValue(model.testMse)} at ${at}, ${formatValue(1 / ratio, 2)}× higher.`;
    return `This run${sofar}: RFM is no better than the plain kernel here (test MSE ${formatValue(first.testMse)} → ${formatValue(model.testMse)} at ${at}).`;
  }
  return null;
}

/** Text: RFM against the trigram model, stated whichever way it goes. */
function textOutcome({ records, dataset, finished }: RunFacts): string | null {
  const last = records.at(-1);
  const trigram = dataset?.baselines.find((b) => b.name === 'trigram');
  if (!last || last.testAccuracy === null || !trigram || trigram.testAccuracy === null) return null;
  const sofar = finished ? '' : ' so far';
  const verdict = last.testAccuracy > trigram.testAccuracy ? 'beats' : 'does not beat';
  return `This run${sofar}: RFM ${verdict} the trigram model (test accuracy ${pct(last.testAccuracy)} against ${pct(trigram.testAccuracy)}).`;
}

/** Scaling: how the baseline and RFM errors moved from the smallest to the largest d. */
function sweepOutcome({ sweepPoints, params }: RunFacts): string | null {
  const first = sweepPoints[0];
  const last = sweepPoints.at(-1);
  if (!first || !last || first === last) return null;
  if (first.baselineTestMse === null || last.baselineTestMse === null) return null;
  if (first.finalTestMse === null || last.finalTestMse === null) return null;
  return (
    `This sweep: from ${params.sweep} = ${first.value} to ${last.value}, the plain kernel's test MSE went ` +
    `${formatValue(first.baselineTestMse)} → ${formatValue(last.baselineTestMse)}, RFM's ` +
    `${formatValue(first.finalTestMse)} → ${formatValue(last.finalTestMse)}.`
  );
}

/** Each source's story (its descriptor's `story`, docs/architecture.md): what a run on it is measured against. */
const OUTCOMES: Record<SourceStory, (facts: RunFacts) => string | null> = {
  kernel: (facts) => kernelOutcome(facts.records, facts.finished),
  grokking: (facts) => grokkingOutcome(facts.params, facts.records, facts.finished),
  ngram: (facts) => textOutcome(facts) ?? kernelOutcome(facts.records, facts.finished),
};

/**
 * The outcome sentence of the current results, or null while there is nothing to say yet: a sweep's by its
 * points, any other run's by the story of the source it trained on.
 */
export function presetOutcome(facts: RunFacts): string | null {
  if (jobKindOf(facts.params) === 'sweep') return sweepOutcome(facts);
  return OUTCOMES[sourceOf(facts.params.data).story](facts);
}
