/**
 * The best iteration on a validation split (docs/algorithm.md, step 7): the iteration with the lowest validation
 * MSE so far, and the early-stopping rule: stop once the validation MSE is worse than the best x 1.1.
 */

/** Stop when the validation MSE exceeds the best one by this factor. */
export const EARLY_STOPPING_FACTOR = 1.1;

export class BestIteration {
  private best: { iteration: number; mse: number } | null = null;

  /** Records iteration t's validation MSE; returns whether t is now the best iteration. */
  observe(iteration: number, validationMse: number): boolean {
    if (this.best === null || validationMse < this.best.mse) {
      this.best = { iteration, mse: validationMse };
      return true;
    }
    return false;
  }

  get iteration(): number | null {
    return this.best?.iteration ?? null;
  }

  /** Whether this validation MSE is past the early-stopping threshold. */
  isMuchWorse(validationMse: number): boolean {
    return this.best !== null && validationMse > this.best.mse * EARLY_STOPPING_FACTOR;
  }
}
