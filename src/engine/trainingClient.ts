/**
 * The main-thread side of the worker: sends commands, routes events to store actions, and drops events
 * of any run that is not the current one (so a cancelled run never paints over a new one).
 *
 * A run the worker cannot stop (one long synchronous phase: a big solve, a wide AGOP) would make the
 * next run, or reset, wait for it. So a cancelled job that has not ended within `cancelGraceMs` gets its
 * worker terminated and replaced by a fresh one (engine/workerHost.ts), and the store says what is being
 * waited for meanwhile.
 */
import type { Progress } from '../core';
import type { Params } from '../params/schema';
import { protocolMismatch, type WorkerCommandBody, type WorkerEvent } from '../protocol/messages';
import type { PredictorRequest, PredictorView } from '../protocol/predictorMessages';
import { useAppStore } from '../store/store';
import { describeRun } from './describeRun';
import { createWorkerHost, type WorkerPort } from './workerHost';

export interface TrainingClient {
  selectBackend(choice: Params['backend']): void;
  /** Starts a run, or a sweep when the parameters name one. */
  start(mode: 'play' | 'step'): void;
  pause(): void;
  resume(): void;
  step(): void;
  reset(): void;
  /**
   * Starts the run again after a failure that may pass (a download, a lost worker) in a fresh worker:
   * a browser keeps a failed module download for the life of the worker that tried it.
   */
  retry(): void;
  /** Scores inputs [rows, d] with the current run's final model (once the run has finished). */
  predict(inputs: Float32Array, rows: number): Promise<Float32Array>;
  /** One iteration's learned function of the current run on a grid, computed in the worker (docs/predictor.md). */
  evaluatePredictor(request: PredictorRequest): Promise<PredictorView>;
  destroy(): void;
}

export interface TrainingClientOptions {
  /** How long a cancelled job may take to stop before its worker is replaced. */
  cancelGraceMs?: number;
}

const PHASE_WORDS: Record<Progress['phase'], string> = {
  kernel: 'kernel matrix',
  solve: 'kernel solve',
  predict: 'predictions',
  spectrum: 'kernel spectrum',
  agop: 'AGOP',
};

/** "the AGOP of iteration 1", from the last progress a job reported. */
function describePhase(progress: Progress | undefined): string {
  return progress ? `the ${PHASE_WORDS[progress.phase]} of iteration ${progress.iteration}` : 'loading its data';
}

export function createTrainingClient(
  spawn: (name: string) => WorkerPort,
  { cancelGraceMs = 3000 }: TrainingClientOptions = {},
): TrainingClient {
  const store = useAppStore;
  const pendingPredictions = new Map<number, { resolve: (v: Float32Array) => void; reject: (e: Error) => void }>();
  const pendingViews = new Map<number, { resolve: (v: PredictorView) => void; reject: (e: Error) => void }>();
  let nextRequest = 1;
  let backendChoice: Params['backend'] = store.getState().params.backend;
  /** Jobs the worker has been given and not yet ended (finished, failed or cancelled), with their last progress. */
  const unfinished = new Map<number, Progress | undefined>();
  let graceTimer: ReturnType<typeof setTimeout> | undefined;
  /** The start command of the current job, re-sent to a fresh worker after a replacement. */
  let currentStart: WorkerCommandBody | null = null;

  const rejectPredictions = (reason: string) => {
    for (const pending of [...pendingPredictions.values(), ...pendingViews.values()]) pending.reject(new Error(reason));
    pendingPredictions.clear();
    pendingViews.clear();
  };

  const apply = (event: WorkerEvent) => {
    const state = store.getState();
    switch (event.type) {
      case 'workerReady':
        return;
      case 'protocolMismatch': {
        const message = protocolMismatch(event.version, event.received) ?? 'protocol mismatch';
        state.backendFailed(message);
        return state.runFailed(message);
      }
      case 'backendSelected':
        return state.backendSelected(event.info);
      case 'backendFailed':
        return state.backendFailed(event.message);
      case 'predicted': {
        const pending = pendingPredictions.get(event.requestId);
        pendingPredictions.delete(event.requestId);
        if (event.outputs) pending?.resolve(event.outputs);
        else pending?.reject(new Error(event.message ?? 'prediction failed'));
        return;
      }
      case 'predictorEvaluated': {
        const pending = pendingViews.get(event.requestId);
        pendingViews.delete(event.requestId);
        if (event.view) pending?.resolve(event.view);
        else pending?.reject(new Error(event.message ?? 'the predictor could not be evaluated'));
        return;
      }
    }
    if (event.type === 'progressed' && unfinished.has(event.runId)) unfinished.set(event.runId, event.progress);
    if (event.type === 'runFinished' || event.type === 'runFailed' || event.type === 'runCancelled')
      unfinished.delete(event.runId);
    if (event.runId !== state.runId) return; // a stale run
    switch (event.type) {
      case 'runStarted':
        // User Timing marks let performance tools (and the e2e tests) find the run on the timeline.
        performance.mark('rfm-run-started');
        return state.runStarted(event.dataset);
      case 'progressed':
        return state.progressed(event.progress);
      case 'iterationCompleted':
        return state.iterationCompleted(event.record);
      case 'sweepPointCompleted':
        return state.sweepPointCompleted(event.point);
      case 'runPaused':
        return state.runPaused();
      case 'runResumed':
        return state.runResumed();
      case 'runFinished':
        performance.mark('rfm-run-finished');
        return state.runFinished();
      case 'runFailed':
        return state.runFailed(event.message, event.retryable);
      case 'runCancelled':
        return;
      case 'nnStarted':
        return state.nnStarted(event.epochs, event.recordEvery);
      case 'nnProgressed':
        return state.nnProgressed(event.progress);
      case 'nnEpochCompleted':
        return state.nnEpochCompleted(event.record);
      case 'linrfmStarted':
        performance.mark('rfm-run-started');
        state.runStarted(null);
        return state.linrfmStarted(event.summary);
      case 'linrfmIterationCompleted':
        return state.linrfmIterationCompleted(event.record);
      case 'deepStarted':
        performance.mark('rfm-run-started');
        state.runStarted(null);
        return state.deepStarted(event.summary);
      case 'deepLayerCompleted':
        return state.deepLayerCompleted(event.layer);
      case 'convStarted':
        return state.convStarted(event.summary);
      case 'convIterationCompleted':
        return state.convIterationCompleted(event.record);
      case 'convPointCompleted':
        return state.convPointCompleted(event.line, event.point);
      case 'catapultStarted':
        performance.mark('rfm-run-started');
        state.runStarted(null);
        return state.catapultStarted(event.summary);
      case 'catapultRunStarted':
        return state.catapultRunStarted(event.index, event.lr, event.criticalLr);
      case 'catapultStepped':
        return state.catapultStepped(event.index, event.step);
      case 'catapultRunFinished':
        return state.catapultRunFinished(event.index, event.result);
      case 'treeGrown':
        return state.treeGrown(event.tree);
      case 'treeProgressed':
        return state.treeProgressed(event.progress);
      case 'treeLeafFinished':
        return state.treeLeafFinished(event.leaf, event.summary);
      default: {
        // Every event has a case: a new kind's events (docs/architecture.md) fail to compile until routed.
        const unrouted: never = event;
        return unrouted;
      }
    }
  };

  // Events are applied once per frame, with only the latest progress of a burst: each store update
  // re-renders the panels, and doing that for every message made long main-thread tasks during training.
  let queue: WorkerEvent[] = [];
  let flushScheduled = false;
  const flush = () => {
    if (!flushScheduled) return;
    flushScheduled = false;
    const events = queue;
    queue = [];
    const lastProgress = events.findLast((e) => e.type === 'progressed');
    for (const event of events) if (event.type !== 'progressed' || event === lastProgress) apply(event);
  };

  const host = createWorkerHost(spawn, {
    onEvent: (event) => {
      queue.push(event);
      if (flushScheduled) return;
      flushScheduled = true;
      // Hidden pages, and embeds scrolled off screen (Chromium throttles their frames), get no animation
      // frames; they still need predictions and state to arrive: a timer stands in (the later call is a no-op).
      if (document.visibilityState === 'visible') requestAnimationFrame(flush);
      setTimeout(flush, document.visibilityState === 'visible' ? 100 : 0);
    },
    onLost: (reason, restarted) => {
      unfinished.clear();
      currentStart = null;
      rejectPredictions(reason);
      const state = store.getState();
      const busy = state.status === 'running' || state.status === 'starting' || state.status === 'paused';
      state.backendFailed(reason);
      if (busy || !restarted) state.runFailed(`${reason}${restarted ? '; a fresh worker has started' : ''}`, true);
    },
    onReplaced: () => {
      store.getState().backendRequested();
      host.send({ type: 'selectBackend', choice: backendChoice });
    },
  });

  const send = (command: WorkerCommandBody, transfer: Transferable[] = []) => host.send(command, transfer);

  /** Cancels every unfinished job; if one has not stopped within the grace period, replaces the worker. */
  const cancelUnfinished = (after: 'start' | 'reset') => {
    clearTimeout(graceTimer);
    if (unfinished.size === 0) return;
    for (const runId of unfinished.keys()) send({ type: 'cancel', runId });
    const stuck = [...unfinished.keys()];
    const phase = describePhase(unfinished.get(stuck.at(-1)!));
    if (after === 'start') store.getState().setNotice(`Waiting for the previous run to stop (it is in ${phase})…`);
    graceTimer = setTimeout(() => {
      if (!stuck.some((runId) => unfinished.has(runId))) return;
      unfinished.clear();
      rejectPredictions('the training worker was replaced');
      host.replace();
      store
        .getState()
        .setNotice(
          `The previous run did not stop within ${cancelGraceMs / 1000} s (it was in ${phase}), so a fresh training worker was started${after === 'start' ? '; the new run begins once it is ready' : ''}.`,
        );
      if (after === 'start' && currentStart) {
        unfinished.set((currentStart as { runId: number }).runId, undefined);
        send(currentStart);
      }
    }, cancelGraceMs);
  };

  const currentRun = () => store.getState().runId;
  return {
    selectBackend: (choice) => {
      backendChoice = choice;
      store.getState().backendRequested();
      send({ type: 'selectBackend', choice });
    },
    start: (mode) => {
      const { params, assets, runId } = store.getState();
      const next = runId + 1;
      const planned = describeRun(params, assets);
      store.getState().runRequested(next, planned.run.job, planned.plannedRecords);
      currentStart = { type: 'start', runId: next, run: planned.run, mode };
      cancelUnfinished('start');
      unfinished.set(next, undefined);
      send(currentStart);
    },
    retry() {
      if (unfinished.size === 0) {
        rejectPredictions('the training worker was replaced');
        host.replace();
      }
      this.start('play');
    },
    pause: () => {
      // The worker stops at its next checkpoint (between phases or AGOP batches): say so until it has.
      store.getState().pauseRequested();
      send({ type: 'pause', runId: currentRun() });
    },
    resume: () => send({ type: 'resume', runId: currentRun() }),
    step: () => send({ type: 'step', runId: currentRun() }),
    reset: () => {
      currentStart = null;
      cancelUnfinished('reset');
      store.getState().runReset();
    },
    predict: (inputs, rows) =>
      new Promise((resolve, reject) => {
        const requestId = nextRequest++;
        pendingPredictions.set(requestId, { resolve, reject });
        send({ type: 'predict', runId: currentRun(), requestId, inputs, rows });
      }),
    evaluatePredictor: (request) =>
      new Promise((resolve, reject) => {
        const requestId = nextRequest++;
        pendingViews.set(requestId, { resolve, reject });
        send({ type: 'evaluatePredictor', runId: currentRun(), requestId, request });
      }),
    destroy: () => {
      clearTimeout(graceTimer);
      host.destroy();
    },
  };
}
