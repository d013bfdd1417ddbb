import { describe, expect, it } from 'vitest';
import { placeCard, scrollFor } from './walkthroughPlacement';
import { stepText, WALKTHROUGHS, type WalkthroughRun } from './walkthroughs';

const seedStep1 = WALKTHROUGHS.seed![0]!;
const run = (over: Partial<WalkthroughRun>): WalkthroughRun => ({
  status: 'idle',
  records: 0,
  planned: 6,
  kernel: 'laplace',
  ...over,
});

describe('the walk-through speaks of the run on the page', () => {
  it('asks for space before a run, and speaks in the past over a finished one', () => {
    expect(stepText(seedStep1, run({}))).toBe(
      'Iteration 0 is the plain laplace kernel: M = I, every coordinate counts the same. Press space to train (R resets).',
    );
    const finished = stepText(seedStep1, run({ status: 'finished', records: 6 }));
    expect(finished).toContain('Iteration 0 was the plain laplace kernel');
    expect(finished).toContain('This run has finished (iterations 0 to 5)');
    expect(finished).not.toContain('Press space to train');
  });

  it('says where a running or paused run is, in its own kernel', () => {
    expect(stepText(seedStep1, run({ status: 'running', records: 3, kernel: 'gaussian' }))).toContain(
      'gaussian kernel',
    );
    expect(stepText(seedStep1, run({ status: 'running', records: 3 }))).toContain('iteration 2 of 5 so far');
    expect(stepText(WALKTHROUGHS.grokking![0]!, run({ status: 'paused', records: 2 }))).toContain(
      'Paused at iteration 1 of 5',
    );
  });
});

describe('the step card beside its panel', () => {
  const card = { width: 360, height: 160 };
  it('goes right of the panel when there is room, else left, else above it, in page coordinates', () => {
    const scroll = { x: 0, y: 500 };
    expect(placeCard({ left: 320, top: 40, width: 460, height: 600 }, card, 1280, scroll)).toEqual({
      side: 'right',
      top: 540,
      left: 792,
    });
    expect(placeCard({ left: 800, top: 40, width: 460, height: 600 }, card, 1280, scroll)).toEqual({
      side: 'left',
      top: 540,
      left: 428,
    });
    expect(placeCard({ left: 10, top: 300, width: 370, height: 400 }, card, 390, scroll)).toEqual({
      side: 'above',
      top: 628,
      left: 10,
    });
  });

  it('scrolls only when the card or the panel top is off screen', () => {
    expect(scrollFor({ top: 600, height: 160 }, 600, 400, { y: 500, height: 720 })).toBe(500);
    expect(scrollFor({ top: 2000, height: 160 }, 2000, 400, { y: 0, height: 720 })).toBe(1992);
  });
});
