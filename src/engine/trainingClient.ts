/**
 * The main-thread side of the worker: sends commands, routes events to store actions, and drops events
 * of any run that is not the current one (so a cancelled run never paints over a new one).
 */
import type { RfmOptions } from '../core';
import type { Params } from '../params/schema';
import { PROTOCOL_VERSION, type DatasetSource, type WorkerCommand, type WorkerEvent } from '../protocol/messages';
import { useAppStore } from '../store/store';

export interface TrainingClient {
  selectBackend(choice: Params['backend']): void;
  start(mode: 'play' | 'step'): void;
  pause(): void;
  resume(): void;
  step(): void;
  reset(): void;
  destroy(): void;
}

export function optionsFromParams(p: Params): RfmOptions {
  return {
    kernel: p.kernel,
    bandwidth: p.L,
    exponent: p.q,
    ridge: p.lambda,
    iterations: p.iters,
    convention: p.norm,
    diagonal: p.diag,
    centering: p.center,
    agopSampleSize: 0,
    spectrumSize: 64,
    seed: p.seed,
  };
}

export function sourceFromParams(p: Params): DatasetSource {
  return {
    kind: 'synthetic',
    expression: p.expr,
    d: p.d,
    nTrain: p.n,
    nTest: p.ntest,
    distribution: p.dist,
    noise: p.noise,
    seed: p.seed,
  };
}

export function createTrainingClient(worker: Worker): TrainingClient {
  const store = useAppStore;
  const send = (command: WorkerCommand) => worker.postMessage(command);

  worker.onmessage = (message: MessageEvent<WorkerEvent>) => {
    const event = message.data;
    const state = store.getState();
    if (event.type === 'backendSelected') return state.backendSelected(event.info);
    if (event.type === 'backendFailed') return state.backendFailed(event.message);
    if (event.runId !== state.runId) return; // a stale run
    switch (event.type) {
      case 'runStarted':
        return state.runStarted(event.dataset);
      case 'progressed':
        return state.progressed(event.progress);
      case 'iterationCompleted':
        return state.iterationCompleted(event.record);
      case 'runPaused':
        return state.runPaused();
      case 'runResumed':
        return state.runResumed();
      case 'runFinished':
        return state.runFinished();
      case 'runFailed':
        return state.runFailed(event.message);
      case 'runCancelled':
        return;
    }
  };
  worker.onerror = (event) => store.getState().runFailed(`the training worker crashed: ${event.message}`);

  const currentRun = () => store.getState().runId;
  return {
    selectBackend: (choice) => {
      store.getState().backendRequested();
      send({ type: 'selectBackend', version: PROTOCOL_VERSION, choice });
    },
    start: (mode) => {
      const { params, runId } = store.getState();
      send({ type: 'cancel', runId });
      const next = runId + 1;
      store.getState().runRequested(next, params.iters + 1);
      send({ type: 'run', runId: next, source: sourceFromParams(params), options: optionsFromParams(params), mode });
    },
    pause: () => send({ type: 'pause', runId: currentRun() }),
    resume: () => send({ type: 'resume', runId: currentRun() }),
    step: () => send({ type: 'step', runId: currentRun() }),
    reset: () => {
      send({ type: 'cancel', runId: currentRun() });
      store.getState().runReset();
    },
    destroy: () => worker.terminate(),
  };
}
