/**
 * Guided walk-throughs: a few steps that tell a class where to look as the run goes, each pointing at a
 * panel by its accessible name (the section's aria-label). Advanced with N / P or the buttons. A step's
 * text may depend on the run (idle, training, finished), so that it is true of the page it is shown over.
 */
import type { PresetName } from '../../params/schema';
import type { RunStatus } from '../../store/runSlice';

/** What a step's words may depend on. */
export interface WalkthroughRun {
  status: RunStatus;
  /** Records so far (iteration 0 is the first). */
  records: number;
  /** Records the run will have when it finishes. */
  planned: number;
  kernel: string;
}

export interface WalkthroughStep {
  /** aria-label of the panel to point at. */
  panel: string;
  text: string | ((run: WalkthroughRun) => string);
}

/** What to press next, in the run's own state. */
export function runCue({ status, records, planned }: WalkthroughRun): string {
  const latest = records - 1;
  switch (status) {
    case 'starting':
    case 'running':
      return latest < 0
        ? 'Training is starting.'
        : `Training now: iteration ${latest} of ${planned - 1} so far (space pauses).`;
    case 'paused':
      return `Paused at iteration ${Math.max(latest, 0)} of ${planned - 1}: space goes on, → takes one step.`;
    case 'finished':
      return `This run has finished (iterations 0 to ${latest}): move the scrubber to 0 to see where it started, or press R and then space to train again.`;
    case 'failed':
      return 'The run failed (see the message above): press R, then space, to try again.';
    default:
      return 'Press space to train (R resets).';
  }
}

/** Step 1 of the seed demo: iteration 0 is M = I, said in the tense of the run. */
function seedStart(run: WalkthroughRun): string {
  const before = run.status === 'idle' || run.status === 'cancelled';
  const kernel = `the plain ${run.kernel} kernel`;
  return before
    ? `Iteration 0 is ${kernel}: M = I, every coordinate counts the same. ${runCue(run)}`
    : `Iteration 0 was ${kernel}: M = I, every coordinate counting the same. ${runCue(run)}`;
}

/** The text of a step for the run on the page. */
export function stepText(step: WalkthroughStep, run: WalkthroughRun): string {
  return typeof step.text === 'string' ? step.text : step.text(run);
}

export const WALKTHROUGHS: Partial<Record<PresetName, readonly WalkthroughStep[]>> = {
  seed: [
    {
      panel: 'feature matrix',
      text: seedStart,
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
      text: (run) =>
        `We train on part of all pairs (a, b). With λ = 0 the machine interpolates: train accuracy is 100% from the start, test accuracy near chance at first. ${runCue(run)}`,
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
