import { describe, expect, it } from 'vitest';
import type { IterationRecord } from '../../core';
import { presetParams } from '../../params/presets';
import { presetOutcome, presetSetup, variablesOf } from './runStory';

const record = (iteration: number, fields: Partial<IterationRecord>): IterationRecord =>
  ({ iteration, testMse: null, testAccuracy: null, ...fields }) as IterationRecord;

const facts = (
  preset: Parameters<typeof presetParams>[0],
  over: object,
  records: IterationRecord[],
  finished = true,
) => ({
  params: { ...presetParams(preset), ...over },
  records,
  dataset: null,
  sweepPoints: [],
  finished,
});

describe('preset captions follow the parameters and the run', () => {
  it('says the Deep RFM stack in the actual numbers', () => {
    const text = presetSetup({ ...presetParams('neural-collapse'), n: 100, rwidth: 128, data: 'iris' });
    expect(text).toMatch(/^Deep RFM on 100 points \(data: iris\): each of 6 layers .* width 128\./);
  });

  it('names the actual dimension and the coordinates the target uses', () => {
    const text = presetSetup({ ...presetParams('seed'), d: 20 });
    expect(text).toContain('in 20 dimensions');
    expect(text).toContain('x1, x2, x3');
    expect(variablesOf('sin(x4) + x12*x4')).toEqual(['x4', 'x12']);
  });

  it('states a grokking jump with its iteration', () => {
    const accs = [0.02, 0.03, 0.05, 0.99, 1];
    const out = presetOutcome(
      facts(
        'grokking',
        {},
        accs.map((a, t) => record(t, { testAccuracy: a })),
      ),
    );
    expect(out).toContain('iteration 3');
    expect(out).toContain('99');
  });

  it('says plainly when there is no jump, or only a partial one, and what to try', () => {
    const run = (p: number, accs: number[]) =>
      presetOutcome(
        facts(
          'grokking',
          { p },
          accs.map((a, t) => record(t, { testAccuracy: a })),
        ),
      );
    const partial = run(31, [0, 0.02, 0.6, 0.85]);
    expect(partial).toContain('Only a partial jump in this run');
    expect(partial).toContain('85%');
    expect(partial).toContain('try frac = 0.6');
    expect(run(61, [0, 0.01, 0.02])).toContain('No jump in this run');
  });

  it('says when RFM is no better than the plain kernel, and when it does worse', () => {
    const out = presetOutcome(
      facts('digits', {}, [record(0, { testAccuracy: 0.92 }), record(3, { testAccuracy: 0.92 })]),
    );
    expect(out).toContain('no better than the plain kernel');
    const worse = presetOutcome(
      facts('digits', {}, [record(0, { testAccuracy: 0.92 }), record(3, { testAccuracy: 0.91 })]),
    );
    expect(worse).toContain('RFM does worse than the plain kernel here (test accuracy 92% → 91%');
    const level = presetOutcome(facts('csv', {}, [record(0, { testMse: 3346 }), record(5, { testMse: 3400 })]));
    expect(level).toContain('no better than the plain kernel');
    const higher = presetOutcome(facts('csv', {}, [record(0, { testMse: 3346 }), record(5, { testMse: 16834 })]));
    expect(higher).toContain(
      'RFM does worse than the plain kernel here: test MSE 3350 (plain kernel) → 16800 at iteration 5, 5× higher.',
    );
    const better = presetOutcome(facts('seed', {}, [record(0, { testMse: 0.9 }), record(5, { testMse: 0.03 })]));
    expect(better).toContain('30× lower');
  });

  it('judges the model that predicts: the best iteration on the validation split', () => {
    const run = (best: number) =>
      presetOutcome(
        facts('boston', {}, [
          record(0, { testMse: 10.2, bestIteration: 0 }),
          record(3, { testMse: 13.9, bestIteration: best }),
          record(5, { testMse: 9, bestIteration: best }),
        ]),
      );
    // The last iteration's 9 is better than the baseline, but the model that predicts is iteration 3's.
    expect(run(3)).toBe(
      'This run: RFM does worse than the plain kernel here: test MSE 10.2 (plain kernel) → 13.9 at the best iteration on the validation split, 3, 1.4× higher.',
    );
    expect(run(0)).toContain('the validation split picks iteration 0, the plain kernel');
  });

  it('tells the story of the data the run trained on, whichever preset it started from', () => {
    const accs = [0.02, 0.03, 0.99].map((a, t) => record(t, { testAccuracy: a }));
    // Modular data under the seed preset is a grokking run; the seed target under the grokking preset is not.
    expect(presetOutcome(facts('seed', { data: 'modular' }, accs))).toContain('iteration 2');
    const regression = [record(0, { testMse: 0.9 }), record(2, { testMse: 0.03 })];
    expect(presetOutcome(facts('grokking', { data: 'synthetic' }, regression))).toContain('30× lower');
  });

  it('has nothing to say before the second iteration', () => {
    expect(presetOutcome(facts('seed', {}, [record(0, { testMse: 1 })]))).toBeNull();
  });
});
