/**
 * Pause, step and cancel for one run, as the engine's checkpoint hook: the engine awaits `checkpoint()`
 * before each phase and between AGOP batches, so pause and cancel take effect within one phase.
 */

export class RunCancelled extends Error {
  constructor() {
    super('run cancelled');
    this.name = 'RunCancelled';
  }
}

export type RunMode = 'play' | 'step' | 'paused';

export class RunControl {
  private mode: RunMode;
  private cancelled = false;
  private wake: (() => void) | null = null;
  private waiting: (() => Promise<void>)[] = [];

  constructor(
    mode: 'play' | 'step',
    private readonly onPause: () => void,
  ) {
    this.mode = mode;
  }

  /** Resolves when the run may go on; throws RunCancelled once cancelled. */
  async checkpoint(): Promise<void> {
    // Yield to the event loop so pause/cancel messages are handled even on a synchronous backend.
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    await this.runWaiting();
    while (this.mode === 'paused' && !this.cancelled) {
      await new Promise<void>((resolve) => (this.wake = resolve));
      await this.runWaiting();
    }
    if (this.cancelled) throw new RunCancelled();
  }

  /**
   * Runs `task` (a predictor evaluation) between two phases of the run: at its next checkpoint, or at once
   * while it is paused, never while a phase holds tensors. Run inside a phase it would interleave with it on
   * the backend, and the iteration's record would count its tensors as the run's (docs/predictor.md).
   */
  runBetween(task: () => Promise<void>): void {
    this.waiting.push(task);
    if (this.mode === 'paused') this.release();
  }

  /** Runs the tasks waiting for a checkpoint (the worker calls it once more when the run has ended). */
  async runWaiting(): Promise<void> {
    while (this.waiting.length > 0) await this.waiting.shift()!();
  }

  throwIfCancelled(): void {
    if (this.cancelled) throw new RunCancelled();
  }

  /** Called after each completed iteration: a step ends there. */
  iterationDone(): void {
    if (this.mode === 'step') this.pause();
  }

  pause(): void {
    if (this.mode === 'paused') return;
    this.mode = 'paused';
    this.onPause();
  }

  resume(mode: 'play' | 'step'): void {
    this.mode = mode;
    this.release();
  }

  cancel(): void {
    this.cancelled = true;
    this.release();
  }

  private release(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
