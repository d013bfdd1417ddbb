/**
 * Records what the page and its training worker say to each other while a test trains for real, and turns
 * it into a replay fixture (src/engine/replayFixture.ts): the backend each choice got, and each run's events
 * with their times after its start command. Used by e2e/replay.ts when E2E_RECORD=1
 * (`npm run fixtures:e2e`).
 */
import { expect, type BrowserContext } from '@playwright/test';
import { REPLAY_FORMAT, runKey, type ReplayFixture, type ReplayRun } from '../src/engine/replayFixture';
import { PROTOCOL_VERSION, type RunDescription } from '../src/protocol/messages';

/** One message as the page saw it, typed arrays encoded as in a fixture. */
export interface RecordedMessage {
  /** One page load: run ids start again at 1 after a reload. */
  load: string;
  worker: string;
  dir: 'command' | 'event';
  at: number;
  data: { type: string; runId?: number; [key: string]: unknown };
}

/**
 * Runs in the page before its scripts: wraps Worker so that every training worker's commands and events
 * are encoded (typed arrays as base64 of their bytes, ports left out) before a transfer can empty them,
 * and passed to the test through the `__rfmRecord` binding.
 */
function recordInPage(): void {
  const Real = globalThis.Worker;
  const binding = (globalThis as unknown as { __rfmRecord?: (m: unknown) => void }).__rfmRecord;
  if (!Real || !binding) return;
  const record = binding;
  const load = `${performance.timeOrigin}-${Math.random().toString(36).slice(2, 8)}`;
  const sent = { load, count: 0 };
  Object.defineProperty(globalThis, '__rfmRecordSent', { value: sent });
  const encode = (value: unknown): unknown => {
    if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
      const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000)
        binary += String.fromCharCode(...bytes.subarray(i, Math.min(i + 0x8000, bytes.length)));
      return { $typed: value.constructor.name, base64: btoa(binary) };
    }
    if (typeof MessagePort !== 'undefined' && value instanceof MessagePort) return undefined;
    if (Array.isArray(value)) return value.map(encode);
    if (typeof value === 'object' && value !== null)
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]));
    return value;
  };
  class RecordedWorker extends Real {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      const worker = options?.name ?? '';
      if (!worker.startsWith('rfm-training-')) return;
      const send = (dir: string, data: unknown) => {
        sent.count += 1;
        record({ load, worker, dir, at: performance.now(), data: encode(data) });
      };
      this.addEventListener('message', (event) => send('event', event.data));
      const post = this.postMessage.bind(this) as (message: unknown, transfer?: Transferable[]) => void;
      this.postMessage = ((message: unknown, transfer?: Transferable[]) => {
        send('command', message);
        post(message, transfer);
      }) as Worker['postMessage'];
    }
  }
  globalThis.Worker = RecordedWorker;
}

/** Starts recording every page of `context`; returns the list the messages arrive in. */
export async function recordContext(context: BrowserContext): Promise<RecordedMessage[]> {
  const log: RecordedMessage[] = [];
  await context.exposeBinding('__rfmRecord', (_source, message: RecordedMessage) => void log.push(message));
  await context.addInitScript(recordInPage);
  return log;
}

/**
 * Waits until every message the open pages have sent is in `log`: a binding's call reaches the test after the
 * page has moved on, so a test that ended as soon as the page showed an event (a phase grid's first cell) was
 * written without that event.
 */
export async function settleRecording(context: BrowserContext, log: readonly RecordedMessage[]): Promise<void> {
  const sent = await Promise.all(
    context
      .pages()
      .map((page) =>
        page
          .evaluate(() => (globalThis as { __rfmRecordSent?: { load: string; count: number } }).__rfmRecordSent)
          .catch(() => undefined),
      ),
  );
  for (const page of sent) {
    if (!page) continue;
    await expect
      .poll(() => log.filter((m) => m.load === page.load).length, { message: `recorded messages of ${page.load}` })
      .toBeGreaterThanOrEqual(page.count);
  }
}

const CONTROL_ECHOES = new Set(['runPaused', 'runResumed', 'runCancelled']);
const TERMINAL = new Set(['runFinished', 'runFailed']);

/**
 * The fixture of a recorded test: runs in the order they started, one per key (a finished recording
 * preferred to one cancelled part way; among unfinished ones, the last). Pause, resume and cancel echoes are
 * left out: the replay makes its own.
 */
export function fixtureFromLog(log: readonly RecordedMessage[]): ReplayFixture {
  const backends: ReplayFixture['backends'] = {};
  const runs: ReplayRun[] = [];
  const choiceOf = new Map<string, string>();
  const started = new Map<string, { at: number; run: ReplayRun }>();
  const predictions = new Map<string, { inputs: unknown; rows: number }>();
  for (const message of log) {
    const { data } = message;
    const runOf = (runId: number | undefined) => started.get(`${message.load}/${runId}`);
    if (message.dir === 'command') {
      if (data.type === 'selectBackend') choiceOf.set(message.worker, data.choice as string);
      if (data.type === 'start') {
        const run: ReplayRun = {
          key: runKey(data.run as RunDescription),
          complete: false,
          events: [],
          predictions: [],
        };
        started.set(`${message.load}/${data.runId}`, { at: message.at, run });
        runs.push(run);
      }
      if (data.type === 'predict')
        predictions.set(`${message.load}/${data.requestId}`, { inputs: data.inputs, rows: data.rows as number });
      continue;
    }
    const choice = choiceOf.get(message.worker) as keyof ReplayFixture['backends'] | undefined;
    if (data.type === 'backendSelected' && choice) backends[choice] = { info: data.info as never };
    else if (data.type === 'backendFailed' && choice) backends[choice] ??= { failed: data.message as string };
    else if (data.type === 'predicted') {
      const asked = predictions.get(`${message.load}/${data.requestId}`);
      if (asked)
        runOf(data.runId)?.run.predictions.push({
          ...(asked as { inputs: never; rows: number }),
          outputs: data.outputs as never,
          message: data.message as string | null,
        });
    } else if (data.runId !== undefined && !CONTROL_ECHOES.has(data.type)) {
      const start = runOf(data.runId);
      if (!start) continue;
      start.run.events.push({ at: Math.round((message.at - start.at) * 10) / 10, event: data as never });
      if (TERMINAL.has(data.type)) start.run.complete = true;
    }
  }
  const kept = runs.filter((run, i) => {
    // With none finished, the last: the one the page showed when the test ended.
    const best = runs.find((r) => r.key === run.key && r.complete) ?? runs.findLast((r) => r.key === run.key);
    return best === run && runs.indexOf(run) === i;
  });
  return { format: REPLAY_FORMAT, protocol: PROTOCOL_VERSION, backends, runs: kept };
}
