/**
 * Reactive training, as in a notebook: the first run starts once a backend is ready, and any change of
 * a parameter or of the user's data restarts the run (debounced while a slider moves). A backend change
 * re-selects the backend in the worker first. A source that needs a file (CSV) or text waits for it. Opening
 * a kept run changes the parameters to its own without training again; so does a reload whose experiment is
 * kept already (the latest finished run with the same parameters, and the same file or text where it reads the
 * user's data, opens instead of an identical run being trained and kept).
 */
import { presetParams } from '../params/presets';
import { queryFromParams, type Params } from '../params/schema';
import { sourceOf } from '../data/sources/descriptors';
import { assetDigest } from '../store/runs/assetDigest';
import type { DataAssets } from '../protocol/messages';
import { missingAsset } from '../store/selectors';
import { useAppStore } from '../store/store';
import { getEngine } from './engine';

export function startAutoRun({
  delayMs = 300,
  autoplay = true,
  /** Settles once kept runs are restored from storage (a reload may find its experiment there). */
  restored = Promise.resolve() as Promise<unknown>,
} = {}): () => void {
  const engine = getEngine();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let started = false;
  // The user's data read back from storage at start-up is not a new file: the first run's choice (open the
  // kept run or train) covers it, where a restart would train and keep the same run again.
  let restoring = true;
  const settle = () => {
    restoring = false;
  };
  void restored.then(settle, settle);
  engine.selectBackend(useAppStore.getState().params.backend);

  // Nothing to train on yet: a source that needs the user's file or text waits for it instead of failing.
  const ready = () => {
    const { params, assets } = useAppStore.getState();
    return missingAsset(params, assets) === null;
  };
  const restart = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (ready()) engine.start('play');
      else engine.reset();
    }, delayMs);
  };

  const unsubscribe = useAppStore.subscribe((state, previous) => {
    if (!started && state.backend && !previous.backend) {
      started = true;
      if (autoplay)
        void restored.then(() => {
          const now = useAppStore.getState();
          // Still the first run (the user has not started one while storage was read).
          if (now.runId !== state.runId || now.status !== 'idle') return;
          const kept = keptExperiment(now.params, now.assets, now.runs);
          if (kept) {
            // The link's view (the iteration it shows) outlives opening the kept run in its place.
            const shown = now.selectedIteration;
            now.openRun(kept.id);
            if (shown !== null) now.selectIteration(shown);
          } else if (ready()) engine.start('play');
        });
    }
    // New user data retrains only the runs that read it (restored data at start-up must not restart a demo).
    if (state.assets !== previous.assets && readsAssets(state.params) && !restoring) restart();
    if (state.params === previous.params) return;
    // Opening a kept run shows its results with its parameters: nothing to train.
    if (state.openRunId !== null && state.openRunId !== previous.openRunId) {
      clearTimeout(timer);
      return;
    }
    if (state.params.backend !== previous.params.backend) engine.selectBackend(state.params.backend);
    if (!changedExperiment(state.params, previous.params) && state.params.backend === previous.params.backend) return;
    restart();
  });
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}

function changedExperiment(a: Params, b: Params): boolean {
  return (Object.keys(a) as (keyof Params)[]).some((k) => k !== 'backend' && a[k] !== b[k]);
}

/** Whether the experiment trains on something the user brought (an uploaded CSV, their own text). */
function readsAssets(params: Params): boolean {
  return sourceOf(params.data).needs(params) !== null;
}

/**
 * The experiment as its link writes it, the backend asked for included: a link that asks for another backend
 * (webgpu against a run kept from wasm) is asking to train there, not to see the kept numbers again.
 */
const experimentKey = (params: Params) => queryFromParams(params, presetParams).toString();

/**
 * The latest finished kept run of the experiment `params` describe, or undefined. A run on the user's own
 * data counts only when it read the file (or text) loaded now: the same fingerprint (assetDigest.ts).
 */
function keptExperiment(
  params: Params,
  assets: DataAssets,
  runs: readonly { id: string; outcome: string; params: Params; asset?: string }[],
) {
  const key = experimentKey(params);
  const asset = assetDigest(assets, sourceOf(params.data).needs(params)) ?? undefined;
  return runs.findLast((run) => run.outcome === 'finished' && run.asset === asset && experimentKey(run.params) === key);
}
