/**
 * Asks the worker for the learned function at the shown iteration (docs/predictor.md) whenever the run,
 * the iteration or the chosen coordinates change, and keeps the last answer on screen until the next one
 * arrives (so scrubbing does not flash). A newer request makes the older answer stale.
 */
import { useEffect, useState } from 'react';
import { getEngine } from '../../../engine/engine';
import type { PredictorView } from '../../../protocol/predictorMessages';

/** Scrubbing fires many changes; only the last one after this pause is evaluated. */
const DEBOUNCE_MS = 80;

export function usePredictorView(runId: number, iteration: number | null, axes: readonly number[] | null) {
  const [answer, setAnswer] = useState<{ runId: number; view: PredictorView } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const axesKey = axes?.join(',') ?? '';
  useEffect(() => {
    if (iteration === null || axes === null) return;
    let stale = false;
    const timer = setTimeout(() => {
      getEngine()
        .evaluatePredictor({ iteration, axes: [...axes] })
        .then((next) => {
          if (stale) return;
          setAnswer({ runId, view: next });
          setError(null);
        })
        .catch((e: Error) => {
          if (!stale) setError(e.message);
        });
    }, DEBOUNCE_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
    // axes is compared by value through axesKey.
  }, [runId, iteration, axesKey]); // eslint-disable-line react-hooks/exhaustive-deps
  // A view of another run is not shown (a new run starts empty).
  const current = iteration !== null && answer?.runId === runId ? answer.view : null;
  return { view: current, error: iteration === null ? null : error };
}
