/**
 * The training worker: picks the backend, builds the dataset, runs the engine and posts one event per
 * iteration. All numeric work happens here, never on the main thread. One run at a time: a new run
 * cancels the previous one first.
 */
/// <reference lib="webworker" />
import { trainRfm } from '../core';
import { buildDataset, summarizeDataset } from './buildDataset';
import { recordTransferables, type BackendChoice, type WorkerCommand, type WorkerEvent } from '../protocol/messages';
import { selectBackend, watchDeviceLoss } from './selectBackend';
import { RunCancelled, RunControl } from './runControl';

declare const self: DedicatedWorkerGlobalScope;

function post(event: WorkerEvent, transfer: Transferable[] = []): void {
  self.postMessage(event, transfer);
}

let current: { runId: number; control: RunControl; done: Promise<void> } | null = null;
let backendReady: Promise<void> = Promise.resolve();

async function run(command: Extract<WorkerCommand, { type: 'run' }>): Promise<void> {
  const { runId } = command;
  const control = new RunControl(command.mode, () => post({ type: 'runPaused', runId }));
  const previous = current;
  previous?.control.cancel();
  const done = (async () => {
    await previous?.done;
    await backendReady;
    try {
      const dataset = buildDataset(command.source);
      post({ type: 'runStarted', runId, dataset: summarizeDataset(dataset) });
      const records = trainRfm(dataset, command.options, {
        checkpoint: async (progress) => {
          post({ type: 'progressed', runId, progress });
          await control.checkpoint();
        },
      });
      for await (const record of records) {
        post({ type: 'iterationCompleted', runId, record }, recordTransferables(record));
        control.iterationDone();
      }
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
