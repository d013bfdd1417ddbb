/**
 * The training worker: picks the backend, builds the dataset, runs the engine (a single run or a sweep)
 * and posts one event per iteration or sweep point. All numeric work happens here, never on the main
 * thread. One job at a time: a new one cancels the previous one first. The final model of the last
 * finished run is kept so the UI can score new inputs (`predict`).
 */
/// <reference lib="webworker" />
import { trainRfm, type Dataset, type Progress, type TrainedModel } from '../core';
import { checkRunFits } from '../core/memory';
import { optionsFromParams } from '../experiments/options';
import { runSweep } from '../experiments/sweep';
import {
  PROTOCOL_VERSION,
  protocolMismatch,
  recordTransferables,
  type BackendChoice,
  type RunDescription,
  type SweepSpec,
  type WorkerCommand,
  type WorkerEvent,
} from '../protocol/messages';
import { buildDataset, summarizeDataset } from './buildDataset';
import { runLinRfmJob } from './linrfmRun';
import { runDeepJob } from './deepRun';
import { runConvJob } from './convRun';
import { runTreeJob } from './treeRun';
import { runCatapultJob } from './catapultRun';
import { describeError } from './describeError';
import { holdLivenessLock } from './liveness';
import { startHeartbeat } from './heartbeat';
import { checkRunCost } from '../core/runCost';
import { trainNetworkBeside } from './nnRun';
import { dropPredictorModels, evaluatePredictor, keepPredictorModels } from './predictorRun';
import { RunCancelled, RunControl } from './runControl';
import { memoryLimits, selectBackend, watchDeviceLoss } from './selectBackend';

declare const self: DedicatedWorkerGlobalScope;

function post(event: WorkerEvent, transfer: Transferable[] = []): void {
  self.postMessage(event, transfer);
}

let current: { runId: number; control: RunControl; done: Promise<void> } | null = null;
let backendReady: Promise<void> = Promise.resolve();
let model: { runId: number; model: TrainedModel } | null = null;

function keepModel(runId: number, next: TrainedModel): void {
  model?.model.dispose();
  model = { runId, model: next };
}

/** Runs `job` as the current job: cancels and awaits the previous one, reports failure or cancellation. */
async function startJob(
  runId: number,
  mode: 'play' | 'step',
  job: (control: RunControl) => Promise<void>,
): Promise<void> {
  const control = new RunControl(mode, () => post({ type: 'runPaused', runId }));
  const previous = current;
  previous?.control.cancel();
  const done = (async () => {
    await previous?.done;
    await backendReady;
    try {
      control.throwIfCancelled(); // cancelled while it waited: do not even load its data
      await job(control);
      post({ type: 'runFinished', runId });
    } catch (error) {
      if (error instanceof RunCancelled) post({ type: 'runCancelled', runId });
      else post({ type: 'runFailed', runId, ...describeError(error) });
    }
  })();
  current = { runId, control, done };
  await done;
  await control.runWaiting();
  if (current?.runId === runId) current = null;
}

function checkpointFor(runId: number, control: RunControl) {
  return async (progress: Progress) => {
    post({ type: 'progressed', runId, progress });
    await control.checkpoint();
  };
}

/** Refuses, with a message, a run whose kernel matrices cannot fit the backend or whose d x d work is too long. */
function checkFits(data: Dataset): void {
  const shape = { n: data.nTrain, nTest: data.nTest, d: data.d, c: data.c };
  checkRunFits(shape, memoryLimits());
  checkRunCost(shape);
}

async function loadDataset(runId: number, run: RunDescription) {
  const dataset = await buildDataset(run.params, run.assets);
  post({ type: 'runStarted', runId, dataset: summarizeDataset(dataset) });
  checkFits(dataset);
  return dataset;
}

/** Runs the job of a start command; the switch is exhaustive, so a new kind (jobs/job.ts) must say its routine. */
function start(command: Extract<WorkerCommand, { type: 'start' }>): Promise<void> {
  const { runId, run, mode } = command;
  const job = run.job;
  switch (job.kind) {
    case 'rfm':
    case 'rfm+nn':
      return startJob(runId, mode, (control) => train(runId, run, control, job.kind === 'rfm+nn'));
    case 'sweep':
      return sweep(runId, run, job.sweep);
    case 'linrfm':
    case 'linrfm-phase':
      // lin-RFM problems (docs/linrfm.md) run their own engine.
      return startJob(runId, mode, (control) => runLinRfmJob(runId, job, run.params, control, post));
    case 'deep-rfm':
      // Deep RFM (docs/deeprfm.md): its own stack of layers, one event per layer.
      return startJob(runId, mode, (control) => runDeepJob(runId, run.params, run.assets, control, post));
    case 'convrfm':
      // ConvRFM (docs/convrfm.md) on image patches, with its comparisons.
      return startJob(runId, mode, (control) => runConvJob(runId, run, control, post));
    case 'tree':
      // An AGOP tree (docs/trees.md): one RFM per leaf, its own size checks.
      return startJob(runId, 'play', (control) => runTreeJob(runId, run, control, post));
    case 'catapults':
      // Catapults (docs/catapults.md): a two-layer network by plain SGD, one run per batch size, one event per step.
      return startJob(runId, mode, (control) => runCatapultJob(runId, job, run.params, control, post));
  }
}

/** An RFM run; with `network`, a network then trains beside it on the same data (docs/nfa.md). */
async function train(runId: number, run: RunDescription, control: RunControl, network: boolean): Promise<void> {
  const dataset = await loadDataset(runId, run);
  const predictor = keepPredictorModels(runId, dataset, run.params);
  const records = trainRfm(dataset, optionsFromParams(run.params), {
    checkpoint: checkpointFor(runId, control),
    retainModel: (trained) => keepModel(runId, trained),
    keepIteration: predictor ? (snapshot) => predictor.keep(snapshot) : undefined,
  });
  let finalM: Float64Array | null = null;
  for await (const record of records) {
    finalM = Float64Array.from(record.M); // a copy: the record's buffers are transferred
    post({ type: 'iterationCompleted', runId, record }, recordTransferables(record));
    control.iterationDone();
  }
  if (network) await trainNetworkBeside(runId, dataset, run.params, finalM, control, post);
}

function sweep(runId: number, run: RunDescription, spec: SweepSpec): Promise<void> {
  return startJob(runId, 'play', async (control) => {
    // The summary of the first point's data tells the UI the layout and feature names.
    const first = spec.values[0];
    if (first === undefined) throw new Error('the sweep has no values');
    await loadDataset(runId, { ...run, params: { ...run.params, [spec.param]: first } });
    let index = 0;
    const points = runSweep(run.params, run.assets, spec, {
      checkpoint: checkpointFor(runId, control),
      beforeRun: checkFits,
    });
    for await (const point of points) {
      post({ type: 'sweepPointCompleted', runId, index: index++, point }, [point.M.buffer as ArrayBuffer]);
    }
  });
}

async function predict(command: Extract<WorkerCommand, { type: 'predict' }>): Promise<void> {
  const { runId, requestId } = command;
  if (!model || model.runId !== runId) {
    post({
      type: 'predicted',
      runId,
      requestId,
      outputs: null,
      message: 'the model of this run is no longer available',
    });
    return;
  }
  try {
    const outputs = await model.model.predict(command.inputs, command.rows);
    post({ type: 'predicted', runId, requestId, outputs, message: null }, [outputs.buffer as ArrayBuffer]);
  } catch (error) {
    post({ type: 'predicted', runId, requestId, outputs: null, message: describeError(error).message });
  }
}

/**
 * Cancels any run, then selects the backend; a lost GPU device later switches to wasm by itself, and the
 * backend panel then says so (not "chosen by you").
 */
function switchBackend(choice: BackendChoice, automaticReason?: string): void {
  backendReady = (async () => {
    current?.control.cancel();
    await current?.done;
    model?.model.dispose();
    model = null;
    dropPredictorModels();
    try {
      post({ type: 'backendSelected', info: await selectBackend(choice, automaticReason) });
      watchDeviceLoss(() => {
        post({
          type: 'backendFailed',
          message:
            'The GPU stopped responding (its device was lost); switched to the wasm backend. Press play to run again.',
        });
        switchBackend('wasm', 'switched to wasm automatically after the GPU device was lost');
      });
    } catch (error) {
      post({ type: 'backendFailed', message: describeError(error).message });
    }
  })();
}

function forRun(runId: number, action: (control: RunControl) => void): void {
  if (current?.runId === runId) action(current.control);
}

self.onmessage = (message: MessageEvent<WorkerCommand>) => {
  const command = message.data;
  if (protocolMismatch(PROTOCOL_VERSION, command.version) !== null) {
    post({ type: 'protocolMismatch', version: PROTOCOL_VERSION, received: command.version });
    return;
  }
  switch (command.type) {
    case 'selectBackend':
      switchBackend(command.choice);
      break;
    case 'start':
      void start(command);
      break;
    case 'predict':
      void predict(command);
      break;
    case 'evaluatePredictor': {
      const evaluate = () => evaluatePredictor(command, post);
      if (current) current.control.runBetween(evaluate);
      else void evaluate();
      break;
    }
    case 'pause':
      forRun(command.runId, (c) => c.pause());
      break;
    case 'resume':
      forRun(command.runId, (c) => {
        c.resume('play');
        post({ type: 'runResumed', runId: command.runId });
      });
      break;
    case 'step':
      forRun(command.runId, (c) => {
        c.resume('step');
        post({ type: 'runResumed', runId: command.runId });
      });
      break;
    case 'cancel':
      forRun(command.runId, (c) => c.cancel());
      break;
  }
};

// The page learns that this worker is alive (and, through the lock or the heartbeat, when it dies): see
// engine/workerHost.ts.
void holdLivenessLock(self.name).then((locked) => {
  const heartbeat = locked ? null : startHeartbeat();
  post(
    { type: 'workerReady', version: PROTOCOL_VERSION, ...(heartbeat ? { heartbeat } : {}) },
    heartbeat ? [heartbeat] : [],
  );
});
