import { afterEach, describe, expect, it, vi } from 'vitest';
import { PROTOCOL_VERSION } from '../protocol/messages';
import { createWorkerHost } from './workerHost';

/** A worker that never runs anything: it neither reports ready nor fails (as one killed while loading). */
function silentWorker() {
  return { postMessage: vi.fn(), terminate: vi.fn(), onmessage: null, onerror: null, onmessageerror: null };
}

describe('the worker host', () => {
  afterEach(() => vi.useRealTimers());

  it('gives up on a worker that never says it is ready, in words, and starts a fresh one on the next command', () => {
    vi.useFakeTimers();
    const workers: ReturnType<typeof silentWorker>[] = [];
    const lost = vi.fn();
    const host = createWorkerHost(
      () => {
        const w = silentWorker();
        workers.push(w);
        return w as unknown as Worker;
      },
      { onEvent: vi.fn(), onLost: lost, onReplaced: vi.fn() },
      { readyTimeoutMs: 5000 },
    );
    host.send({ type: 'selectBackend', choice: 'auto' });
    vi.advanceTimersByTime(4999);
    expect(lost).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(lost).toHaveBeenCalledTimes(1);
    expect(lost.mock.calls[0]![0]).toMatch(/did not start within 5 s/);
    expect(lost.mock.calls[0]![1]).toBe(false); // not restarted in a loop
    expect(workers[0]!.terminate).toHaveBeenCalled();
    host.send({ type: 'selectBackend', choice: 'auto' });
    expect(workers).toHaveLength(2);
    host.destroy();
  });

  it('does not give up on a worker that reported ready', () => {
    vi.useFakeTimers();
    const lost = vi.fn();
    let worker: ReturnType<typeof silentWorker> | null = null;
    const host = createWorkerHost(
      () => {
        worker = silentWorker();
        return worker as unknown as Worker;
      },
      { onEvent: vi.fn(), onLost: lost, onReplaced: vi.fn() },
      { readyTimeoutMs: 5000 },
    );
    (worker as unknown as Worker).onmessage!({
      data: { type: 'workerReady', version: PROTOCOL_VERSION },
    } as MessageEvent);
    vi.advanceTimersByTime(60_000);
    expect(lost).not.toHaveBeenCalled();
    host.destroy();
  });

  it('tells the fresh worker that replaces a dead one which backend to start, before reporting the loss', () => {
    const workers: ReturnType<typeof silentWorker>[] = [];
    const calls: string[] = [];
    const host = createWorkerHost(
      () => {
        const w = silentWorker();
        workers.push(w);
        return w as unknown as Worker;
      },
      {
        onEvent: vi.fn(),
        onLost: (_reason, restarted) => calls.push(`lost, restarted: ${restarted}`),
        onReplaced: () => {
          calls.push(`replaced: worker ${workers.length}`);
          host.send({ type: 'selectBackend', choice: 'wasm' });
        },
      },
    );
    (workers[0] as unknown as Worker).onmessage!({
      data: { type: 'workerReady', version: PROTOCOL_VERSION },
    } as MessageEvent);
    (workers[0] as unknown as Worker).onerror!({ message: 'gone', preventDefault() {} } as ErrorEvent);
    expect(calls).toEqual(['replaced: worker 2', 'lost, restarted: true']);
    expect(workers[1]!.postMessage).toHaveBeenCalledWith(
      { type: 'selectBackend', choice: 'wasm', version: PROTOCOL_VERSION },
      [],
    );
    host.destroy();
  });
});
