/**
 * The liveness check where Web Locks are refused (a third-party frame whose browser blocks storage) or
 * missing: a tiny sentinel worker, started by the training worker, posts a beat to the page every
 * BEAT_MS through a port of its own. A worker's nested workers end with it, so the beats stop when the
 * training worker is gone (closed, crashed, killed for memory), while a training worker busy in a
 * minute-long synchronous solve cannot stop them: the same signal the lock gives (engine/heartbeatWatch.ts).
 */
export const BEAT_MS = 250;

const SENTINEL = `onmessage = (e) => { const port = e.data; setInterval(() => port.postMessage(0), ${BEAT_MS}); };`;

/** Starts the sentinel and returns the page's end of its port, or null where no worker can be started. */
export function startHeartbeat(): MessagePort | null {
  try {
    const url = URL.createObjectURL(new Blob([SENTINEL], { type: 'text/javascript' }));
    const sentinel = new Worker(url, { name: `${self.name}-heartbeat` });
    const channel = new MessageChannel();
    sentinel.postMessage(channel.port1, [channel.port1]);
    URL.revokeObjectURL(url);
    return channel.port2;
  } catch {
    return null; // e.g. a Content-Security-Policy without blob: workers: no heartbeat, no false alarm
  }
}
