/**
 * The page's half of the heartbeat liveness check (worker/heartbeat.ts): calls `onSilent` once the beats
 * stop for SILENT_MS. Nothing is watched until the first beat (a sentinel that never started raises no
 * alarm), and time the page itself spent blocked does not count (its timers and the queued beats resume
 * together, so a stalled page would otherwise read its own stall as silence).
 */
export const SILENT_MS = 4000;
const CHECK_MS = 1000;

export function watchHeartbeat(port: MessagePort, onSilent: () => void): () => void {
  let lastBeat: number | null = null;
  let lastCheck = performance.now();
  port.onmessage = () => {
    lastBeat = performance.now();
  };
  const timer = setInterval(() => {
    const now = performance.now();
    if (now - lastCheck > 2.5 * CHECK_MS && lastBeat !== null) lastBeat = now; // the page was stalled
    lastCheck = now;
    if (lastBeat !== null && now - lastBeat > SILENT_MS) {
      stop();
      onSilent();
    }
  }, CHECK_MS);
  const stop = () => {
    clearInterval(timer);
    port.onmessage = null;
    port.close();
  };
  return stop;
}
