/**
 * The page's side of the CSV check (worker/csvCheckWorker.ts): one short-lived worker per file, so a
 * 20 MB parse never blocks the page and a new file simply ends the check of the previous one.
 */
import type { CsvCheckRequest, CsvCheckResult } from '../protocol/csvCheck';

let running: { worker: Worker; cancel: () => void } | null = null;

export function checkCsvOffThread(request: CsvCheckRequest): Promise<CsvCheckResult> {
  running?.cancel();
  return new Promise((resolve) => {
    const worker = new Worker(new URL('../worker/csvCheckWorker.ts', import.meta.url), {
      type: 'module',
      name: 'rfm-csv-check',
    });
    const finish = (result: CsvCheckResult) => {
      worker.terminate();
      if (running?.worker === worker) running = null;
      resolve(result);
    };
    running = {
      worker,
      cancel: () =>
        finish({ ok: false, message: `the check of ${request.name} was replaced by a newer file`, tooManyRows: null }),
    };
    worker.onmessage = (message: MessageEvent<CsvCheckResult>) => finish(message.data);
    worker.onerror = (event) => {
      event.preventDefault();
      finish({
        ok: false,
        message: `${request.name} could not be checked: the checking worker failed (${event.message || 'it could not be loaded'}).`,
        tooManyRows: null,
      });
    };
    worker.postMessage(request);
  });
}
