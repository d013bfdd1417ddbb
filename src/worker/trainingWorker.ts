/**
 * The training worker: picks the backend, builds the dataset, runs the engine (a single run or a sweep)
 * and posts one event per iteration or sweep point. All numeric work happens here, never on the main
 * thread. One job at a time: a new one cancels the previous one first. The final model of the last
 * finished run is kept so the UI can score new inputs (`predict`).
 */
/// <reference lib="webworker" />
import { trainRfm, type Dataset, type Progress, type TrainedModel } from '../core';
import { checkRunFits } from '../core/memory';
import { runSweep } from '../experiments/sweep';
import {
  recordTransferables,
  type BackendChoice,
  type DatasetSource,
  type WorkerCommand,
  type WorkerEvent,
} from '../protocol/messages';
import { buildDataset, summarizeDataset } from './buildDataset';
import { runLinRfmJob } from './linrfmRun';
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
      await job(control);
      post({ type: 'runFinished', runId });
    } catch (error) {
      if (error instanceof RunCancelled) post({ type: 'runCancelled', runId });
      else post({ type: 'runFailed', runId, message: describeError(error) });
    }
  })();
  current = { runId, control, done };
  await done;
  if (current?.runId === runId) current = null;
}

function checkpointFor(runId: number, control: RunControl) {
  return async (progress: Progress) => {
    post({ type: 'progressed', runId, progress });
    await control.checkpoint();
  };
}

/** Refuses, with a message, a run whose kernel matrices cannot fit the active backend. */
function checkFits(data: Dataset): void {
  checkRunFits({ n: data.nTrain, nTest: data.nTest, d: data.d, c: data.c }, memoryLimits());
}

async function loadDataset(runId: number, source: DatasetSource) {
  const dataset = await buildDataset(source);
  post({ type: 'runStarted', runId, dataset: summarizeDataset(dataset) });
  checkFits(dataset);
  return dataset;
}

function run(command: Extract<WorkerCommand, { type: 'run' }>): Promise<void> {
  const { runId } = command;
  return startJob(runId, command.mode, async (control) => {
    const dataset = await loadDataset(runId, command.source);
    const records = trainRfm(dataset, command.options, {
      checkpoint: checkpointFor(runId, control),
      retainModel: (trained) => keepModel(runId, trained),
    });
    for await (const record of records) {
      post({ type: 'iterationCompleted', runId, record }, recordTransferables(record));
      control.iterationDone();
    }
  });
}

function sweep(command: Extract<WorkerCommand, { type: 'sweep' }>): Promise<void> {
  const { runId } = command;
  return startJob(runId, 'play', async (control) => {
    // The summary of the first point's data tells the UI the layout and feature names.
    const first = command.sweep.values[0];
    if (first === undefined) throw new Error('the sweep has no values');
    await loadDataset(runId, { ...command.source, params: { ...command.source.params, [command.sweep.param]: first } });
    let index = 0;
    const points = runSweep(command.source.params, command.source.assets, command.sweep, {
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
    post({ type: 'predicted', runId, requestId, outputs: null, message: describeError(error) });
  }
}

function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/device (was )?lost|GPUDevice/i.test(message))
    return `the GPU device was lost (${message}); switch the backend to wasm and run again`;
  if (/out of memory|allocation failed|Array buffer allocation/i.test(message))
    return `out of memory (${message}); try fewer points`;
  return message;
}

/** Cancels any run, then selects the backend; a lost GPU device later switches to wasm by itself. */
function switchBackend(choice: BackendChoice): void {
  backendReady = (async () => {
    current?.control.cancel();
    await current?.done;
    model?.model.dispose();
    model = null;
    try {
      post({ type: 'backendSelected', info: await selectBackend(choice) });
      watchDeviceLoss((reason) => {
        post({
          type: 'backendFailed',
          message: `the GPU device was lost (${reason}); switched to wasm. Press play to run again.`,
        });
        switchBackend('wasm');
      });
    } catch (error) {
      post({ type: 'backendFailed', message: describeError(error) });
    }
  })();
}

function forRun(runId: number, action: (control: RunControl) => void): void {
  if (current?.runId === runId) action(current.control);
}

self.onmessage = (message: MessageEvent<WorkerCommand>) => {
  const command = message.data;
  switch (command.type) {
    case 'selectBackend':
      switchBackend(command.choice);
      break;
    case 'run':
      void run(command);
      break;
    case 'sweep':
      void sweep(command);
      break;
    case 'linrfmRun':
      void startJob(command.runId, command.mode, (control) => runLinRfmJob(command, control, post));
      break;
    case 'predict':
      void predict(command);
      break;
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
