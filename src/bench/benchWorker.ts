/**
 * The bench worker: selects the requested backend the way the app does (src/worker/selectBackend.ts),
 * builds the case's dataset and runs it through the engine, posting each iteration's timings.
 * One request per worker: the page starts a fresh worker for every case and backend.
 */
/// <reference lib="webworker" />
import { selectBackend } from '../worker/selectBackend';
import { benchCase } from './cases';
import type { BenchCommand, BenchEvent } from './protocol';
import { runBenchCase } from './runCase';

declare const self: DedicatedWorkerGlobalScope;

function post(event: BenchEvent): void {
  self.postMessage(event);
}

self.onmessage = async (message: MessageEvent<BenchCommand>) => {
  const { request } = message.data;
  try {
    const spec = benchCase(request.caseId, request.quick);
    post({ type: 'backendSelected', info: await selectBackend(request.backend) });
    const runs = await runBenchCase({
      dataset: spec.makeDataset(),
      options: spec.options,
      repeats: request.repeats,
      onIteration: (repeat, sample) => post({ type: 'iterationCompleted', repeat, sample }),
    });
    post({ type: 'runFinished', runs });
  } catch (error) {
    post({ type: 'runFailed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
};
