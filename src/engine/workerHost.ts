/**
 * Owns the training worker's lifetime on the main thread: starts it, checks the protocol version it
 * reports, notices when it fails to load or dies, and replaces it on request (a worker busy inside one
 * long synchronous phase cannot be interrupted any other way).
 *
 * Death is noticed through a Web Lock rather than a heartbeat: the worker holds a lock named after
 * itself while it lives (worker/liveness.ts) and the page waits for that lock, which the browser grants
 * only once the worker is gone. A heartbeat could not tell a dead worker from one busy in a minute-long
 * solve; the lock can. The lock is only watched once the worker says it is ready (it holds the lock by
 * then); a worker that dies before that (killed while loading, or a script that ends itself) would leave a
 * run "running" for ever, so a worker that has not said it is ready within readyTimeoutMs is given up.
 * Where the lock is refused (a third-party frame whose browser blocks storage) the worker sends the port
 * of its heartbeat instead (worker/heartbeat.ts): a sentinel worker that ends with it.
 */
import {
  PROTOCOL_VERSION,
  protocolMismatch,
  type WorkerCommandBody,
  type WorkerCommand,
  type WorkerEvent,
} from '../protocol/messages';
import { watchHeartbeat } from './heartbeatWatch';

export interface WorkerHostListener {
  onEvent(event: WorkerEvent): void;
  /**
   * The worker is gone (failed to load, died, or threw outside a job). `restarted`: a fresh one is
   * already starting (onReplaced came first); otherwise (it never loaded) the next command tries a fresh one.
   */
  onLost(reason: string, restarted: boolean): void;
  /** A fresh worker replaced the old one: it has no backend and no model yet. */
  onReplaced(): void;
}

/**
 * What the host uses of a Worker: a real one (engine.ts), or in a replaying test the stand-in that plays
 * recorded events (replayWorker.ts).
 */
export interface WorkerPort {
  onmessage: ((message: MessageEvent<WorkerEvent>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
  postMessage(command: WorkerCommand, transfer: Transferable[]): void;
  terminate(): void;
}

export interface WorkerHost {
  send(command: WorkerCommandBody, transfer?: Transferable[]): void;
  /** Terminates the current worker and starts a fresh one. */
  replace(): void;
  destroy(): void;
}

let hostCount = 0;

/** How long a fresh worker may take to load (tfjs and its backends) and say it is ready. */
export const READY_TIMEOUT_MS = 30_000;

export function createWorkerHost(
  spawn: (name: string) => WorkerPort,
  listener: WorkerHostListener,
  { readyTimeoutMs = READY_TIMEOUT_MS }: { readyTimeoutMs?: number } = {},
): WorkerHost {
  const tag = `${Date.now().toString(36)}-${++hostCount}`;
  let generation = 0;
  let worker: WorkerPort | null = null;
  /** The current worker loaded and said so; a worker that never loads is not restarted in a loop. */
  let ready = false;
  let destroyed = false;
  let readyTimer: ReturnType<typeof setTimeout> | undefined;
  let stopHeartbeat: (() => void) | null = null;

  const lose = (reason: string) => {
    const restart = ready;
    retire();
    // The fresh worker has no backend: it is told the choice (onReplaced) before the loss is reported, so
    // the next run does not start on whatever backend tfjs picks by itself (threaded wasm, looked up at a
    // path the build does not serve, failed the run after play; a webgl context trained where there was one).
    if (restart) {
      start();
      listener.onReplaced();
    }
    listener.onLost(reason, restart);
  };

  const retire = () => {
    clearTimeout(readyTimer);
    generation++; // events and lock grants of the old worker are ignored from now on
    stopHeartbeat?.();
    stopHeartbeat = null;
    worker?.terminate();
    worker = null;
    ready = false;
  };

  const watchLiveness = (name: string, id: number, heartbeat: MessagePort | undefined) => {
    const gone = () => {
      if (id === generation && !destroyed)
        lose('the training worker stopped without a word (the browser may have ended it for using too much memory)');
    };
    if (heartbeat) {
      stopHeartbeat = watchHeartbeat(heartbeat, gone);
      return;
    }
    const locks = (globalThis.navigator as (Navigator & { locks?: LockManager }) | undefined)?.locks;
    // Refused only where the worker's own request was granted, which browsers do not do: nothing to watch.
    locks?.request(name, gone).catch(() => {});
  };

  const start = () => {
    const id = ++generation;
    const name = `rfm-training-${tag}-${id}`;
    const w = spawn(name);
    w.onmessage = (message: MessageEvent<WorkerEvent>) => {
      if (id !== generation) return;
      const event = message.data;
      if (event.type === 'workerReady') {
        ready = true;
        clearTimeout(readyTimer);
        watchLiveness(name, id, event.heartbeat);
        const problem = protocolMismatch(PROTOCOL_VERSION, event.version);
        if (problem) listener.onEvent({ type: 'protocolMismatch', version: PROTOCOL_VERSION, received: event.version });
      }
      listener.onEvent(event);
    };
    w.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      if (id !== generation) return;
      const detail = event.message || '';
      lose(
        ready
          ? `the training worker failed (${detail || 'an error without a message'}) and was replaced by a fresh one`
          : `the training worker could not be loaded (${detail || 'its script failed to download or to start'}); if the page is served with a Content-Security-Policy, it must allow this site's scripts as workers`,
      );
    };
    w.onmessageerror = () => {
      if (id === generation) lose('a message from the training worker could not be read');
    };
    worker = w;
    clearTimeout(readyTimer);
    readyTimer = setTimeout(() => {
      if (id === generation && !ready && !destroyed)
        lose(
          `the training worker did not start within ${readyTimeoutMs / 1000} s (it may have run out of memory or been stopped while loading); press Play to try a fresh one`,
        );
    }, readyTimeoutMs);
  };

  start();
  return {
    send: (command, transfer = []) => {
      if (destroyed) return;
      if (!worker) {
        start();
        listener.onReplaced();
      }
      worker!.postMessage({ ...command, version: PROTOCOL_VERSION } as WorkerCommand, transfer);
    },
    replace: () => {
      retire();
      start();
      listener.onReplaced();
    },
    destroy: () => {
      destroyed = true;
      retire();
    },
  };
}
