/**
 * A failure inside the worker as words for the person at the screen: the raw messages of a lost GPU
 * device ("Failed to execute 'mapAsync' on 'GPUBuffer'") or of a failed download ("Failed to fetch
 * dynamically imported module") say nothing to a newcomer. `retryable` marks failures that may pass on a
 * second try (a download), as opposed to bad input.
 */

export interface DescribedError {
  message: string;
  retryable: boolean;
}

const GPU_LOST = /device (was )?lost|GPUDevice|mapAsync|GPUBuffer|Instance dropped|DXGI_ERROR|context lost/i;
const DOWNLOAD =
  /Failed to fetch|dynamically imported module|Importing a module script failed|NetworkError|Load failed|HTTP \d{3}/i;
const MEMORY = /out of memory|allocation failed|Array buffer allocation|memory access out of bounds|Aborted\(\)/i;

export function isGpuLoss(message: string): boolean {
  return GPU_LOST.test(message);
}

export function describeError(error: unknown): DescribedError {
  const message = error instanceof Error ? error.message : String(error);
  if (GPU_LOST.test(message))
    return {
      message:
        'the GPU stopped responding (its device was lost, e.g. a driver reset or too much work at once); the app switches to the wasm backend by itself, press play to run again',
      retryable: true,
    };
  if (DOWNLOAD.test(message))
    return {
      message: `a part of the app could not be downloaded (${whatFailed(message)}); check the connection and retry`,
      retryable: true,
    };
  if (MEMORY.test(message))
    return { message: `the run ran out of memory (${message}); try fewer points or features`, retryable: false };
  return { message, retryable: false };
}

/** The file a failed download was for, from the messages tfjs, Vite and the data loaders give. */
function whatFailed(message: string): string {
  const pkg = /of the (\S+) package/.exec(message)?.[1];
  if (pkg) return `data of the ${pkg} package`;
  const url = /https?:\/\/\S+/.exec(message)?.[0];
  if (url)
    return (
      url
        .replace(/[.,;:)]+$/, '')
        .split('/')
        .pop() ?? url
    );
  return 'a data file or code chunk';
}
