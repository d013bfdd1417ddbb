/**
 * Guided walk-throughs: a few steps that tell a class where to look as the run goes, each pointing at a
 * panel by its accessible name (the section's aria-label). Advanced with N / P or the buttons.
 */
import type { PresetName } from '../../params/schema';

export interface WalkthroughStep {
  /** aria-label of the panel to point at. */
  panel: string;
  text: string;
}

export const WALKTHROUGHS: Partial<Record<PresetName, readonly WalkthroughStep[]>> = {
  seed: [
    {
      panel: 'feature matrix',
      text: 'Iteration 0 is the plain Laplace kernel: M = I, every coordinate counts the same. Press space to train (R resets).',
    },
    {
      panel: 'feature matrix',
      text: 'Now watch M: after one iteration the rows and columns of x1, x2 and x3 light up and the others fade. Those are the coordinates the target uses.',
    },
    {
      panel: 'error curves',
      text: 'Watch the test error (solid line) fall below its iteration-0 value: that gap is what learning M bought.',
    },
    {
      panel: 'kernel spectrum',
      text: 'The kernel’s eigenvalues: as M concentrates, a few directions carry the signal and the rest of the spectrum drops faster.',
    },
    {
      panel: 'metrics',
      text: 'The numbers: each iteration’s errors and how long each step took. Click a row, or move the scrubber with ← and →, to see M at that iteration.',
    },
  ],
  grokking: [
    {
      panel: 'accuracy',
      text: 'We train on half of all pairs (a, b). With λ = 0 the machine interpolates: train accuracy is 100% from the start, test accuracy near chance. Press space to train.',
    },
    {
      panel: 'a-b block of M',
      text: 'Now watch the a-b block of M: it looks like noise for the first iterations.',
    },
    {
      panel: 'circulant structure',
      text: 'Keep an eye on the circulant structure: it grows quietly while test accuracy still sits on the floor.',
    },
    {
      panel: 'accuracy',
      text: 'The jump: test accuracy leaves the floor and climbs to ~100% within a few iterations. That is grokking, without a neural network.',
    },
    {
      panel: 'a-b block of M',
      text: 'Look at the a-b block again: stripes along the diagonals. M has learned the structure of (a + b) mod p.',
    },
  ],
};
