/**
 * A sweep point as JSON: what `rfm preset` writes under metrics.sweep.points and the app's Download JSON
 * gives for a sweep (one RFM run per value: its baseline, final and best test errors and M's diagonal).
 */
import type { SweepPoint } from '../protocol/messages';

export function sweepPointJson(point: SweepPoint) {
  return {
    value: point.value,
    baseline_test_mse: point.baselineTestMse,
    final_test_mse: point.finalTestMse,
    best_test_mse: point.bestTestMse,
    best_iteration: point.bestIteration,
    baseline_test_accuracy: point.baselineTestAccuracy,
    final_test_accuracy: point.finalTestAccuracy,
    M_diagonal: Array.from({ length: point.d }, (_, i) => point.M[i * point.d + i]!),
  };
}
