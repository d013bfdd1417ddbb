/**
 * `rfm preset` at CI size for the presets with a story beyond "the error falls" (grokking, text, digits)
 * and for the csv preset on a file: each asserts the preset's published behaviour where it holds at this
 * size, and what the run does show where it does not (said in the comments), with margins under the values
 * measured on the wasm backend (given in the comments). The other presets are in ./preset.test.ts.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCommandLine, type PresetOptions } from './args';
import { runPreset, type PresetResult } from './preset';

async function preset(...argv: string[]): Promise<PresetResult> {
  const command = parseCommandLine(['preset', ...argv, '--quiet']);
  if (command.kind !== 'preset') throw new Error('expected a preset command');
  const result = await runPreset(command.options as PresetOptions, () => {});
  if (!('data' in result) || !('n_train' in result.data))
    throw new Error('expected an RFM preset, not lin-RFM or a tree');
  return result as PresetResult;
}

const set = (values: Record<string, string | number>) =>
  Object.entries(values).flatMap(([key, value]) => ['--set', `${key}=${value}`]);
const metric = (r: PresetResult, key: string) => r.metrics[key] as number;

describe('rfm preset at CI size: the stories', () => {
  it('grokking (p = 31, 60% of pairs, the README link): test accuracy near 0, then a jump to 100%', async () => {
    const r = await preset('grokking', ...set({ p: 31, frac: 0.6, iters: 20, spectrum: 4 }));
    const accuracy = r.metrics.test_accuracy_by_iteration as number[];
    const alignment = r.metrics.alignment_by_iteration as number[];
    const deviation = r.metrics.circulant_deviation_by_iteration as number[];
    expect(r.data).toMatchObject({ n_train: 577, n_test: 384, layout: 'modular' });
    // Train accuracy is 100% from iteration 0 on (train MSE ~1e-10).
    expect(r.iterations.every((it) => it.train_acc === 1)).toBe(true);
    // Measured: 0.0% at iterations 0-7, 17.4% at 8, 49.5% at 9, 95.3% at 12, 100% from 16 on.
    expect(Math.max(...accuracy.slice(0, 6))).toBeLessThan(0.05);
    expect(accuracy.at(-1)).toBe(1);
    expect(metric(r, 'jump_iteration')).toBeGreaterThan(5);
    // Measured: the a-b block's circulant deviation 0.018 at iteration 1 -> < 5e-4 at 20; the alignment with
    // the circulant structure 0.725 -> 1.000, rising at every iteration.
    expect(deviation.at(-1)!).toBeLessThan(0.1 * deviation[1]!);
    // M = I has no a-b block: iteration 0 has no deviation (null), not 0 ("circulant").
    expect(deviation[0]).toBeNull();
    expect(alignment[0]!).toBeLessThan(0.8);
    expect(alignment.at(-1)!).toBeGreaterThan(0.99);
    alignment.slice(1).forEach((a, i) => expect(a).toBeGreaterThanOrEqual(alignment[i]! - 1e-3));
  });

  it('text (1,500 windows): RFM beats the bigram model and the plain kernel, and M looks at the last character', async () => {
    const r = await preset('text', ...set({ n: 1500, ntest: 1000, iters: 1, spectrum: 4 }));
    const baselines = r.metrics.baselines as { name: string; test_accuracy: number }[];
    const accuracyOf = (name: string) => baselines.find((b) => b.name === name)!.test_accuracy;
    // Measured: bigram 0.289, plain kernel 0.334, RFM 0.360, trigram 0.402 (the trigram model also beats the
    // full-size preset's 0.387: the caption only asks to compare, and the app's caption says which way it goes).
    expect(metric(r, 'final_test_accuracy')).toBeGreaterThan(accuracyOf('bigram') + 0.04);
    expect(metric(r, 'final_test_accuracy')).toBeGreaterThan(metric(r, 'baseline_test_accuracy') + 0.01);
    expect(metric(r, 'final_test_accuracy')).toBeLessThan(accuracyOf('trigram'));
    // M is position x character (8 x 39): measured diagonal mass 1.72 on the last character, <= 0.54 on
    // positions -8..-3, and the 5 largest diagonal entries all at position -1.
    const M = r.iterations.at(-1)!.M;
    const mass = Array.from({ length: 8 }, (_, p) => Array.from({ length: 39 }, (_, c) => M[p * 39 + c]![p * 39 + c]!));
    const total = mass.map((row) => row.reduce((a, b) => a + b, 0));
    expect(total[7]!).toBeGreaterThan(2 * Math.max(...total.slice(0, 6)));
    expect((r.metrics.top_features as string[]).every((name) => name.startsWith('-1:'))).toBe(true);
  });

  it('digits (1,000 images): M looks at the centre, not the blank border; RFM lowers the test MSE, not the accuracy', async () => {
    const r = await preset('digits', ...set({ n: 1000, ntest: 500, iters: 3, spectrum: 4 }));
    const best = r.summary!.best_iteration!;
    const M = r.iterations[best]!.M;
    const side = 14;
    const diagonal = Array.from({ length: side * side }, (_, i) => M[i]![i]!);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const ring = diagonal.filter(
      (_, i) => [0, side - 1].includes(Math.floor(i / side)) || [0, side - 1].includes(i % side),
    );
    const centre = diagonal.filter(
      (_, i) => Math.abs(Math.floor(i / side) - 6.5) < 3 && Math.abs((i % side) - 6.5) < 3,
    );
    // Measured: mean diagonal 0.0004 on the outer ring of pixels (blank in almost every image, so the
    // gradients there vanish), 0.0198 on the central 6 x 6.
    expect(mean(ring)).toBeLessThan(0.1 * mean(centre));
    // Measured: test MSE 0.0228 (plain kernel) -> 0.0190 at the best iteration (2 of 3); test accuracy 91.2%
    // -> 89.6%. At this size RFM does not beat the plain Laplace kernel's accuracy (nor at the preset's
    // n = 2,000: 94.2% -> 92.4%), and the app's caption says so for such a run.
    expect(best).toBeGreaterThan(0);
    expect(r.summary!.prediction_test_mse!).toBeLessThan(0.9 * metric(r, 'baseline_test_mse'));
    expect(metric(r, 'baseline_test_accuracy')).toBeGreaterThan(0.88);
    expect(r.summary!.prediction_test_acc!).toBeGreaterThan(metric(r, 'baseline_test_accuracy') - 0.04);
  });

  it('csv: a file through the app pipeline; M finds x1, x2, x3 of the example file', async () => {
    const file = fileURLToPath(new URL('../../public/examples/seed-train.csv', import.meta.url));
    const r = await preset('csv', '--csv', file, ...set({ target: 'y', spectrum: 4 }));
    // 400 rows, 20% held out for testing, standardised. Measured: test MSE 1.42 -> 0.243 (5.8x).
    expect(r.data).toMatchObject({ n_train: 320, n_test: 80, d: 6 });
    expect(metric(r, 'baseline_test_mse') / metric(r, 'final_test_mse')).toBeGreaterThan(4);
    expect(new Set((r.metrics.top_features as string[]).slice(0, 3))).toEqual(new Set(['x1', 'x2', 'x3']));
  });
});
