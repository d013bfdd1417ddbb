/**
 * Runs chart updates one per task, latest data per chart, so that a store change that touches several
 * charts never becomes one long main-thread task (each update is a few ms; all of them together, with
 * React's render, went over 50 ms on a busy 2-core machine). A MessageChannel posts tasks without the
 * 4 ms clamp of nested setTimeout.
 */

type Update = () => void;

const pending = new Map<object, Update>();
let channel: MessageChannel | null = null;
let posted = false;

function runOne(): void {
  posted = false;
  const next = pending.entries().next();
  if (next.done) return;
  const [key, update] = next.value;
  pending.delete(key);
  if (pending.size > 0) post();
  update();
}

function post(): void {
  if (posted) return;
  posted = true;
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = runOne;
  }
  channel.port2.postMessage(null);
}

/** Schedules `update` for `key` (replacing one still pending for the same key). */
export function scheduleChartUpdate(key: object, update: Update): void {
  pending.set(key, update);
  post();
}

/** Drops a pending update (e.g. when the chart is destroyed). */
export function cancelChartUpdate(key: object): void {
  pending.delete(key);
}
