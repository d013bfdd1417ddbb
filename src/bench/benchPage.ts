/**
 * The bench page: runs benchmark cases in a Web Worker (benchWorker.ts) and hands the timings to whoever
 * asked. scripts/bench.mjs drives it through Playwright via `window.rfmBench`; a person can open
 * `src/bench/index.html?case=A&backend=webgpu&repeats=3` (add `&quick=1` for the small cases) and read
 * the result on the page. Nothing numeric happens on the main thread.
 */
import type { BackendChoice } from '../protocol/messages';
import type { BenchEvent, BenchRequest, GpuProbe } from './protocol';
import type { BenchRunResult, RunSample } from './benchTypes';

const logNode = document.getElementById('log');

/** Prints on the page and to the console, where the runner echoes it as progress. */
function log(line: string): void {
  if (logNode) logNode.textContent += `${line}\n`;
  console.info(line);
}

async function probeGpu(): Promise<GpuProbe> {
  const none: GpuProbe = { available: false, vendor: '', architecture: '', description: '', isFallback: false };
  if (!('gpu' in navigator) || !navigator.gpu) return none;
  const adapter = await navigator.gpu.requestAdapter().catch(() => null);
  if (!adapter) return none;
  const { vendor, architecture, description } = adapter.info;
  const legacyFallback = (adapter as unknown as { isFallbackAdapter?: boolean }).isFallbackAdapter;
  const text = `${vendor} ${architecture} ${description}`.toLowerCase();
  const isFallback = Boolean(adapter.info.isFallbackAdapter || legacyFallback || text.includes('swiftshader'));
  return { available: true, vendor, architecture, description, isFallback };
}

function run(request: BenchRequest): Promise<BenchRunResult> {
  const worker = new Worker(new URL('./benchWorker.ts', import.meta.url), { type: 'module', name: 'rfm-bench' });
  const environment: BenchRunResult['environment'] = {
    userAgent: navigator.userAgent,
    crossOriginIsolated: globalThis.crossOriginIsolated,
    hardwareConcurrency: navigator.hardwareConcurrency,
  };
  let actualBackend = '';
  log(`case ${request.caseId}${request.quick ? ' (quick)' : ''} on ${request.backend}, ${request.repeats} repeat(s)`);
  return new Promise<BenchRunResult>((resolve, reject) => {
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(`the bench worker failed: ${event.message}`));
    };
    worker.onmessage = (message: MessageEvent<BenchEvent>) => {
      const event = message.data;
      switch (event.type) {
        case 'backendSelected':
          actualBackend = event.info.name;
          environment.backendReason = event.info.reason;
          environment.threads = event.info.threads;
          environment.adapter = event.info.adapter
            ? `${event.info.adapter.vendor} ${event.info.adapter.architecture} ${event.info.adapter.description}`.trim()
            : null;
          environment.adapterIsFallback = event.info.adapter?.isFallback ?? null;
          log(`  backend ${event.info.name}: ${event.info.reason}`);
          break;
        case 'iterationCompleted':
          log(
            `  repeat ${event.repeat + 1}, iteration ${event.sample.iteration}: ${event.sample.wallMs.toFixed(0)} ms`,
          );
          break;
        case 'runFinished':
          worker.terminate();
          resolve(result(request, actualBackend, event.runs, environment));
          break;
        case 'runFailed':
          worker.terminate();
          log(`  failed: ${event.message}`);
          reject(new Error(event.message));
          break;
      }
    };
    worker.postMessage({ type: 'run', request });
  });
}

function result(
  request: BenchRequest,
  actualBackend: string,
  runs: RunSample[],
  environment: BenchRunResult['environment'],
): BenchRunResult {
  return { caseId: request.caseId, side: 'browser', backend: request.backend, actualBackend, runs, environment };
}

window.rfmBench = { probeGpu, run };

/** Manual use: ?case=A&backend=wasm&repeats=1&quick=1 runs on load and prints the JSON on the page. */
const query = new URLSearchParams(location.search);
const caseId = query.get('case');
if (caseId) {
  const request: BenchRequest = {
    caseId,
    backend: (query.get('backend') ?? 'auto') as BackendChoice,
    repeats: Number(query.get('repeats') ?? 1),
    quick: query.get('quick') === '1',
  };
  run(request).then(
    (outcome) => log(JSON.stringify(outcome, null, 2)),
    (error: unknown) => log(`error: ${error instanceof Error ? error.message : String(error)}`),
  );
} else {
  log('ready: open with ?case=A&backend=wasm&repeats=1 (quick=1 for small cases), or drive window.rfmBench');
}
