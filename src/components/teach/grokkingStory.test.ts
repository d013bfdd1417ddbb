import { describe, expect, it } from 'vitest';
import { jumpIteration } from '../../core/analysis/grokking';
import { PANEL_HELP } from './panelHelp';
import { grokkingHeadline, grokkingOutcome, structureStory } from './grokkingStory';

const run = (accuracies: number[]) => accuracies.map((testAccuracy, iteration) => ({ iteration, testAccuracy }));
const params = { p: 31, frac: 0.5 };

describe('the grokking captions read the records they describe, in the tense of the run', () => {
  // Iteration 16 of 30: the jump is behind, the run is not over.
  const midRun = run([...Array(14).fill(0.02), 0.4, 0.9, 0.96]);

  it('speaks in the present while the run goes on, and gives the verdict once it has finished', () => {
    const running = grokkingOutcome(params, midRun, false)!;
    expect(running).toBe(
      'This run so far: test accuracy was 90% at iteration 15 and 96.0% at iteration 16; it is at 96.0% at iteration 16.',
    );
    expect(running).not.toMatch(/\bends\b/);
    const finished = grokkingOutcome(params, [...midRun, ...run(Array(14).fill(1)).slice(0, 14)], true)!;
    expect(finished).toMatch(/; it ends at 100%\.$/);
  });

  it('never calls a 0 -> 98.8% climb "no jump", running or finished', () => {
    const climb = run([0, 0, 0.3, 0.988]);
    expect(jumpIteration(climb)).toBeNull(); // below the chart marker's 99%
    const running = grokkingHeadline(climb, false);
    expect(running).toBe('test accuracy 0.0% → 98.8% by iteration 3, not yet 99%');
    expect(grokkingHeadline(climb, true)).toBe('test accuracy 0.0% → 98.8% by iteration 3, short of 99%');
    expect(grokkingOutcome(params, climb, false)).toContain('98.8% at iteration 3');
  });

  it('says "no jump" only when accuracy stayed low, with the tense of the run', () => {
    const flat = run([0.02, 0.03, 0.04]);
    expect(grokkingHeadline(flat, false)).toBe('best test accuracy 4.0%, no jump yet');
    expect(grokkingHeadline(flat, true)).toBe('best test accuracy 4.0%: no jump in this run');
    expect(grokkingHeadline(run([0.02, 0.995]), true)).toBe('test accuracy ≥ 99% from iteration 1 (best 99.5%)');
  });

  it('describes the circulant deviation the way the drawn line goes', () => {
    const deviations = [NaN, 0.03, 0.01, 0.002, 0.0004].map((value, iteration) => ({ iteration, value }));
    const accuracies = run([0, 0, 0, 0.5, 0.99]);
    const finished = structureStory(deviations, accuracies, true)!;
    expect(finished).toBe(
      'It fell from 0.030 at iteration 1 to 0.00040 at iteration 4 (75× lower); just before test accuracy jumped (iteration 4) it was at 0.0020.',
    );
    const running = structureStory(deviations.slice(0, 4), accuracies.slice(0, 4), false)!;
    expect(running).toBe(
      'So far it has fallen from 0.030 at iteration 1 to 0.0020 at iteration 3 (15× lower); test accuracy has not jumped yet.',
    );
    const rising = structureStory(
      [0.001, 0.01].map((value, k) => ({ iteration: k + 1, value })),
      run([0, 0, 0]),
      true,
    )!;
    expect(rising).toMatch(/^It rose from/);
    expect(rising).toContain('did not jump in this run');
  });

  it('explains the circulant panel as the measure it draws: a deviation whose line falls', () => {
    expect(PANEL_HELP.circulant).toContain('circulant deviation');
    expect(PANEL_HELP.circulant).toMatch(/lower the line, the more circulant/);
    expect(PANEL_HELP.circulant).not.toMatch(/\brises\b/);
  });
});
