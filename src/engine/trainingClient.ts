/**
 * The main-thread side of the worker: sends commands, routes events to store actions, and drops events
 * of any run that is not the current one (so a cancelled run never paints over a new one).
 */
import { optionsFromParams } from '../experiments/options';
import { sweepValues } from '../experiments/sweepValues';
import type { Params } from '../params/schema';
import { PROTOCOL_VERSION, type DatasetSource, type WorkerCommand, type WorkerEvent } from '../protocol/messages';
import { useAppStore } from '../store/store';

export interface TrainingClient {
  selectBackend(choice: Params['backend']): void;
  /** Starts a run, or a sweep when the parameters name one. */
  start(mode: 'play' | 'step'): void;
  pause(): void;
  resume(): void;
  step(): void;
  reset(): void;
  /** Scores inputs [rows, d] with the current run's final model (once the run has finished). */
  predict(inputs: Float32Array, rows: number): Promise<Float32Array>;
  destroy(): void;
}

export function createTrainingClient(worker: Worker): TrainingClient {
  const store = useAppStore;
  const send = (command: WorkerCommand, transfer: Transferable[] = []) => worker.postMessage(command, transfer);
  const pendingPredictions = new Map<number, { resolve: (v: Float32Array) => void; reject: (e: Error) => void }>();
  let nextRequest = 1;

  const apply = (event: WorkerEvent) => {
    const state = store.getState();
    if (event.type === 'backendSelected') return state.backendSelected(event.info);
    if (event.type === 'backendFailed') return state.backendFailed(event.message);
    if (event.type === 'predicted') {
      const pending = pendingPredictions.get(event.requestId);
      pendingPredictions.delete(event.requestId);
      if (event.outputs) pending?.resolve(event.outputs);
      else pending?.reject(new Error(event.message ?? 'prediction failed'));
      return;
    }
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
        return state.runFailed(event.message);
      case 'runCancelled':
        return;
      case 'linrfmStarted':
        performance.mark('rfm-run-started');
        return state.linrfmStarted(event.summary);
      case 'linrfmIterationCompleted':
        return state.linrfmIterationCompleted(event.record);
    }
  };
  // Events are applied once per frame, with only the latest progress of a burst: each store update
  // re-renders the panels, and doing that for every message made long main-thread tasks during training.
  let queue: WorkerEvent[] = [];
  let flushScheduled = false;
  const flush = () => {
    flushScheduled = false;
    const events = queue;
    queue = [];
    const lastProgress = events.findLast((e) => e.type === 'progressed');
    for (const event of events) if (event.type !== 'progressed' || event === lastProgress) apply(event);
  };
  worker.onmessage = (message: MessageEvent<WorkerEvent>) => {
    queue.push(message.data);
    if (flushScheduled) return;
    flushScheduled = true;
    // Hidden pages get no animation frames; they still need predictions and state to arrive.
    if (document.visibilityState === 'visible') requestAnimationFrame(flush);
    else setTimeout(flush, 0);
  };
  worker.onerror = (event) => store.getState().runFailed(`the training worker crashed: ${event.message}`);

  const currentRun = () => store.getState().runId;
  return {
    selectBackend: (choice) => {
      store.getState().backendRequested();
      send({ type: 'selectBackend', version: PROTOCOL_VERSION, choice });
    },
    start: (mode) => {
      const { params, assets, runId } = store.getState();
      send({ type: 'cancel', runId });
      const next = runId + 1;
      const source: DatasetSource = { params, assets };
      const options = optionsFromParams(params);
      store.getState().linrfmRequested();
      // lin-RFM problems (docs/linrfm.md) run their own engine in the worker.
      if (params.linrfm !== 'off') {
        store.getState().runRequested(next, params.iters + 1, 'run');
        send({ type: 'linrfmRun', runId: next, params, mode });
      } else if (params.sweep !== 'none') {
        const values = sweepValues(params.sweep, params.from, params.to, params.steps);
        store.getState().runRequested(next, values.length, 'sweep');
        send({ type: 'sweep', runId: next, source, options, sweep: { param: params.sweep, values } });
      } else {
        store.getState().runRequested(next, params.iters + 1, 'run');
        send({ type: 'run', runId: next, source, options, mode });
      }
    },
    pause: () => send({ type: 'pause', runId: currentRun() }),
    resume: () => send({ type: 'resume', runId: currentRun() }),
    step: () => send({ type: 'step', runId: currentRun() }),
    reset: () => {
      send({ type: 'cancel', runId: currentRun() });
      store.getState().runReset();
    },
    predict: (inputs, rows) =>
      new Promise((resolve, reject) => {
        const requestId = nextRequest++;
        pendingPredictions.set(requestId, { resolve, reject });
        send({ type: 'predict', runId: currentRun(), requestId, inputs, rows });
      }),
    destroy: () => worker.terminate(),
  };
}
