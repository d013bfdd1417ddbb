/**
 * The browser side of the bench runner: `vite preview` on the bench build (with the COOP/COEP headers of
 * vite.config.ts, so wasm gets threads), headless Chromium through Playwright, and one fresh page per run
 * that drives `window.rfmBench` (src/bench/benchPage.ts).
 */
import type { Browser, Page } from '@playwright/test';
import type { BenchRequest, GpuProbe } from '../protocol';
import type { BenchRunResult } from '../benchTypes';
import { CHROMIUM_ARGS } from '../../../scripts/chromiumArgs.mjs';
import { freePort, sleep, startGroup } from './processes';

const PAGE = '/src/bench/index.html';

/** A failure that is a timeout, so the report can say so. */
export class TimeoutError extends Error {}

/** Starts `vite preview` on `outDir` and waits until it serves the bench page; returns its base URL. */
export async function startPreview(outDir: string): Promise<string> {
  const port = await freePort();
  const child = startGroup('npx', [
    'vite',
    'preview',
    '--outDir',
    outDir,
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--strictPort',
  ]);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited (${child.exitCode}):\n${output}`);
    const response = await fetch(`${base}${PAGE}`).catch(() => null);
    if (response?.status === 404) throw new Error(`${outDir}${PAGE} is missing: run without --no-build`);
    if (response?.ok) {
      if (response.headers.get('cross-origin-embedder-policy') !== 'require-corp')
        console.warn('bench: the preview server sends no COOP/COEP headers; wasm will run without threads');
      return base;
    }
    await sleep(300);
  }
  throw new Error(`vite preview did not answer on ${base} within 60 s:\n${output}`);
}

/**
 * Extra Chromium flags from $RFM_CHROMIUM_ARGS (space-separated): scripts/bench-gpu.sh passes the ones that
 * put WebGPU on a real GPU's Vulkan driver instead of SwiftShader.
 */
function extraChromiumArgs(): string[] {
  return (process.env.RFM_CHROMIUM_ARGS ?? '').split(/\s+/).filter(Boolean);
}

export async function launchChromium(executablePath: string): Promise<Browser> {
  const { chromium } = await import('@playwright/test');
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, ...extraChromiumArgs()] });
}

interface BenchPage {
  page: Page;
  errors: string[];
}

async function openBenchPage(browser: Browser, base: string, echo?: (line: string) => void): Promise<BenchPage> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'info' && !message.text().startsWith('ready:')) echo?.(message.text());
    else if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${base}${PAGE}`, { timeout: 60_000 });
  await page.waitForFunction(() => window.rfmBench !== undefined, null, { timeout: 60_000 });
  return { page, errors };
}

/** What WebGPU adapter this Chromium offers (from the page's main thread). */
export async function probeGpu(browser: Browser, base: string): Promise<GpuProbe> {
  const { page } = await openBenchPage(browser, base);
  try {
    return await page.evaluate(() => window.rfmBench!.probeGpu());
  } finally {
    await page.close();
  }
}

/** Runs one request in a fresh page; closing the page on a timeout also ends its worker. */
export async function runInBrowser(
  browser: Browser,
  base: string,
  request: BenchRequest,
  timeoutMs: number,
): Promise<BenchRunResult> {
  const { page, errors } = await openBenchPage(browser, base, (line) => console.log(`  ${line.trim()}`));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`timed out after ${(timeoutMs / 1000).toFixed(0)} s`)), timeoutMs);
  });
  try {
    return await Promise.race([page.evaluate((req) => window.rfmBench!.run(req), request), timeout]);
  } catch (error) {
    if (error instanceof Error && errors.length > 0) error.message += `\npage errors:\n${errors.slice(-5).join('\n')}`;
    throw error;
  } finally {
    clearTimeout(timer);
    await page.close().catch(() => {});
  }
}
