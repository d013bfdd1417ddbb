/**
 * The bench runner behind `npm run bench` (scripts/bench.mjs loads it through tsx): builds the bench page,
 * serves it, and times every planned run one after the other (native numpy, Node, then
 * Chromium) so runs do not disturb each other. Writes bench-results/bench.json and bench-results/bench.md.
 * The preview server, the browser and any child process are always ended, also on failure.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { benchCase, BENCH_CASE_IDS } from '../cases';
import { exportCaseData } from '../exportData';
import type { GpuProbe } from '../protocol';
import { BUSY_THRESHOLD, formatMarkdown, formatText, isDisturbed, summarize, type RunOutcome } from '../benchReport';
import type { BenchRunResult } from '../benchTypes';
import { BROWSER_BACKENDS, parseBenchArgs, USAGE, type BenchArgs } from './benchArgs';
import { launchChromium, probeGpu, runInBrowser, startPreview, TimeoutError } from './browser';
import { planJobs, type Job } from './plan';
import { cpuSnapshot, othersShare } from './contention';
import { runProcess, stopAll, waitForQuiet } from './processes';

/** Re-exported so scripts/bench.mjs stops the very processes this module instance started. */
export { stopAll };

const SITE_DIR = 'bench-results/site';
const RESULTS_DIR = 'bench-results';
const BENCH_HTML = 'src/bench/index.html';

export interface RunnerDeps {
  /** scripts/findBrowser.mjs: a Chromium path, or a thrown message saying how to get one. */
  findBrowser: (options: { install: boolean }) => Promise<string>;
}

interface BrowserSide {
  browser: Browser | null;
  base: string;
  gpu: GpuProbe | null;
  version: string | null;
  problem: string | null;
}

const firstLine = (error: unknown): string => (error instanceof Error ? error.message : String(error)).split('\n')[0]!;

function machineDescription(): string {
  const list = cpus();
  return `${list[0]?.model ?? 'unknown CPU'}, ${list.length} cores`;
}

/**
 * The engine's revision: the commit, and whether src/core has uncommitted changes. BENCH_REVISION names it
 * where there is no git checkout (e.g. a `git archive` snapshot benchmarked on its own).
 */
function engineRevision(): string {
  if (process.env.BENCH_REVISION) return process.env.BENCH_REVISION;
  const git = (...args: string[]) => spawnSync('git', args, { encoding: 'utf8' });
  const head = git('rev-parse', '--short', 'HEAD');
  if (head.status !== 0) return 'unknown (not a git checkout)';
  const dirty = git('status', '--porcelain', '--', 'src/core').stdout.trim();
  return `${head.stdout.trim()}${dirty ? ' + uncommitted changes in src/core' : ''}`;
}

/**
 * vite build with the project's vite.config.ts (headers, worker format, minifying), narrowed to the bench
 * page: the bench then measures the engine even while the app's own UI code is half-edited. The narrowing
 * is a `config` hook because Vite merges inline `input` options into the file's instead of replacing them.
 */
async function buildBenchPage(): Promise<void> {
  console.log(`bench: building the bench page into ${SITE_DIR} (vite build)`);
  const { build } = await import('vite');
  try {
    await build({
      logLevel: 'warn',
      build: { outDir: SITE_DIR, emptyOutDir: true },
      plugins: [
        {
          name: 'rfm-bench-only',
          config(config) {
            config.build ??= {};
            config.build.rolldownOptions = { ...config.build.rolldownOptions, input: { bench: BENCH_HTML } };
          },
        },
      ],
    });
  } catch (error) {
    throw new Error(`vite build failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Builds, serves and launches; any failure becomes `problem`, and the browser rows are then skipped. */
async function startBrowserSide(args: BenchArgs, deps: RunnerDeps): Promise<BrowserSide> {
  const side: BrowserSide = { browser: null, base: '', gpu: null, version: null, problem: null };
  try {
    const executablePath = await deps.findBrowser({ install: false });
    if (args.build) await buildBenchPage();
    side.base = await startPreview(SITE_DIR);
    side.browser = await launchChromium(executablePath);
    side.version = side.browser.version();
    side.gpu = await probeGpu(side.browser, side.base);
    const adapter = side.gpu.available ? gpuLabel(side.gpu) : 'none';
    console.log(`bench: Chromium ${side.version}; WebGPU adapter: ${adapter}`);
  } catch (error) {
    side.problem = firstLine(error);
    console.error(`bench: the browser backends cannot run: ${error instanceof Error ? error.message : String(error)}`);
  }
  return side;
}

function gpuLabel(gpu: GpuProbe): string {
  return (
    [gpu.vendor, gpu.architecture, gpu.description].filter(Boolean).join(' ') + (gpu.isFallback ? ' (software)' : '')
  );
}

/** Runs a Node-side job (numpy or tsx) as a child process that writes its result to `out`. */
async function runChild(job: Job, folder: string, quick: boolean): Promise<BenchRunResult> {
  const out = join(folder, `${job.kind}-${job.backend}.json`);
  const [command, args] =
    job.kind === 'native'
      ? ['python3', ['scripts/bench_native.py', '--data', folder, '--repeats', String(job.repeats), '--out', out]]
      : [
          process.execPath,
          ['--import', 'tsx', 'src/bench/nodeMain.ts', '--case', job.spec.id, '--backend', job.backend]
            .concat(['--repeats', String(job.repeats), '--out', out])
            .concat(quick ? ['--quick'] : []),
        ];
  const run = await runProcess(command, args as string[], job.timeoutMs, (line) => console.log(line));
  if (run.timedOut) throw new TimeoutError(`timed out after ${(job.timeoutMs / 1000).toFixed(0)} s`);
  if (run.code !== 0) throw new Error(run.tail.split('\n').slice(-3).join(' ') || `exit code ${run.code}`);
  return JSON.parse(await readFile(out, 'utf8')) as BenchRunResult;
}

type Attempt = Pick<RunOutcome, 'status' | 'result' | 'note' | 'othersCpu'>;

const percent = (share: number | null | undefined): string =>
  share === null || share === undefined ? '?' : `${(100 * share).toFixed(0)}%`;

/** A completed run beats a failed one; between completed runs, the one others disturbed least. */
function isBetter(a: Attempt, b: Attempt): boolean {
  if ((a.status === 'ok') !== (b.status === 'ok')) return a.status === 'ok';
  return (a.othersCpu ?? 0) < (b.othersCpu ?? 0);
}

function outcomeOf(job: Job, machine: string, attempt: Attempt): RunOutcome {
  return { caseId: job.spec.id, title: job.spec.title, label: job.label, machine, ...attempt };
}

/** One run of a job, with the share of the CPU that other processes took meanwhile. */
async function attemptJob(job: Job, folder: string, side: BrowserSide, quick: boolean): Promise<Attempt> {
  const before = cpuSnapshot();
  const attempt: Attempt = { status: 'ok', result: null, note: '', othersCpu: null };
  try {
    if (job.kind === 'browser') {
      const backend = job.backend as 'wasm' | 'webgpu';
      const request = { caseId: job.spec.id, backend, repeats: job.repeats, quick };
      attempt.result = await runInBrowser(side.browser!, side.base, request, job.timeoutMs);
      if (attempt.result.actualBackend !== backend) {
        attempt.status = 'failed';
        attempt.note = `ran on ${attempt.result.actualBackend}: ${String(attempt.result.environment.backendReason)}`;
      }
    } else {
      attempt.result = await runChild(job, folder, quick);
    }
  } catch (error) {
    attempt.status = error instanceof TimeoutError ? 'timeout' : 'failed';
    attempt.note = firstLine(error);
    console.error(`  ${job.label} on case ${job.spec.id}: ${error instanceof Error ? error.message : String(error)}`);
  }
  attempt.othersCpu = othersShare(before, cpuSnapshot());
  return attempt;
}

export async function runBench(argv: string[], deps: RunnerDeps): Promise<number> {
  const args = parseBenchArgs(argv);
  if (args === 'help') {
    console.log(USAGE);
    return 0;
  }
  const specs = (args.cases ?? [...BENCH_CASE_IDS]).map((id) => benchCase(id, args.quick));
  const machine = machineDescription();
  const revision = engineRevision();
  console.log(
    `bench: ${args.quick ? 'quick ' : ''}cases ${specs.map((s) => s.id).join(',')}; ` +
      `backends ${(args.backends ?? ['all']).join(',')}; ${args.repeats} repeat(s); ${machine}; engine ${revision}`,
  );

  const wantBrowser = (args.backends ?? BROWSER_BACKENDS).some((b) =>
    (BROWSER_BACKENDS as readonly string[]).includes(b),
  );
  const tmp = await mkdtemp(join(tmpdir(), 'rfm-bench-'));
  const outcomes: RunOutcome[] = [];
  let side: BrowserSide = { browser: null, base: '', gpu: null, version: null, problem: null };
  let notes: string[] = [];
  try {
    // The browser first, so a missing Chromium or a broken build shows before minutes of other runs.
    if (wantBrowser) side = await startBrowserSide(args, deps);
    const plan = planJobs(specs, args, side.problem ? null : side.gpu);
    notes = plan.notes;
    let currentCase = '';
    for (const job of plan.jobs) {
      const folder = join(tmp, job.spec.id);
      if (job.spec.id !== currentCase) {
        currentCase = job.spec.id;
        console.log(`\n=== case ${job.spec.id}: ${job.spec.title}, ${job.spec.options.iterations} update(s)`);
        await exportCaseData(job.spec, folder);
      }
      const where = job.backend === 'webgpu' && side.gpu ? gpuLabel(side.gpu) : machine;
      if (job.kind === 'browser' && side.problem) {
        outcomes.push(outcomeOf(job, where, { status: 'skipped', result: null, note: side.problem, othersCpu: null }));
        continue;
      }
      // A run that other processes disturbed is run again (up to --retries times); the quietest one is kept.
      let best: Attempt | null = null;
      for (let attempt = 0; attempt <= args.retries; attempt++) {
        if (attempt > 0)
          console.log(
            `  other processes took ${percent(best?.othersCpu)} of the CPU during that run: running it again`,
          );
        await waitForQuiet(args.maxWaitSeconds * 1000, BUSY_THRESHOLD);
        const result = await attemptJob(job, folder, side, args.quick);
        if (!best || isBetter(result, best)) best = result;
        if (best.status !== 'ok' || !isDisturbed(best.othersCpu)) break;
      }
      outcomes.push(outcomeOf(job, where, best!));
      if (job.kind === 'browser' && job.backend === 'wasm' && best!.result?.environment.threads === false)
        notes.push(`case ${job.spec.id}: browser wasm ran WITHOUT threads (the page was not cross-origin isolated).`);
    }
  } finally {
    await side.browser?.close().catch(() => {});
    stopAll();
    await rm(tmp, { recursive: true, force: true });
  }

  const rows = summarize(outcomes);
  notes.push(...closingNotes(outcomes, rows, args));
  console.log(`\n${formatText(rows)}\n`);
  for (const note of notes) console.log(`note: ${note}`);

  const environment = {
    revision,
    cpu: cpus()[0]?.model ?? null,
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    platform: `${platform()} ${release()}`,
    node: process.version,
    chromium: side.version,
    gpu: side.gpu,
    native: outcomes.find((o) => o.result?.side === 'native')?.result?.environment ?? null,
  };
  const command = `npm run bench${argv.length > 0 ? ` -- ${argv.join(' ')}` : ''}`;
  const preamble = [
    `# RFM Explorer benchmark${args.quick ? ' (quick)' : ''}`,
    '',
    `- Command: \`${command}\`, ${new Date().toISOString()}`,
    `- Engine: ${revision}`,
    `- Machine: ${machine}, ${environment.memoryGiB} GiB, ${environment.platform}`,
    `- Node ${process.version}` +
      (side.version ? `; Chromium ${side.version}` : '') +
      (side.gpu ? `; WebGPU adapter: ${side.gpu.available ? gpuLabel(side.gpu) : 'none'}` : ''),
    `- Native reference: ${describeNative(environment.native)}`,
  ];
  await mkdir(RESULTS_DIR, { recursive: true });
  const json = { generatedAt: new Date().toISOString(), command, environment, notes, rows, outcomes };
  await writeFile(join(RESULTS_DIR, 'bench.json'), `${JSON.stringify(json, null, 1)}\n`);
  await writeFile(join(RESULTS_DIR, 'bench.md'), formatMarkdown(rows, preamble, notes));
  console.log(`\nbench: wrote ${RESULTS_DIR}/bench.json and ${RESULTS_DIR}/bench.md`);
  const broken = outcomes.some((o) => o.status !== 'ok') || (wantBrowser && side.problem !== null);
  return broken ? 1 : 0;
}

function describeNative(env: BenchRunResult['environment'] | null): string {
  if (!env) return 'not run';
  return `numpy ${String(env.numpy)} (${String(env.blas)}), Python ${String(env.python)}, float32`;
}

function closingNotes(outcomes: RunOutcome[], rows: ReturnType<typeof summarize>, args: BenchArgs): string[] {
  const notes = [
    'Node wasm is single-threaded SIMD (tfjs turns wasm threads off in Node); browser wasm has threads when the page is cross-origin isolated.',
    'ms/iteration: median wall time of iterations 1..T over all repeats (iteration 0, M = I, includes warm-up and is left out); ' +
      'in parentheses the lowest and highest per-repeat median. Split: the median of each phase on its own, so the parts need ' +
      'not add up to the total; AGOP is the update that made M_t; other is the time outside the five phases (records, metrics).',
  ];
  if (outcomes.some((o) => isDisturbed(o.othersCpu)))
    notes.push(
      `*: other processes took more than ${100 * BUSY_THRESHOLD}% of the CPU during this run (even after ${args.retries} ` +
        `retries and waits of up to ${args.maxWaitSeconds} s for quiet), so its time may be inflated; run again on a quiet machine.`,
    );
  const mismatched = rows.filter((r) => r.mseDifference !== null && r.mseDifference > 0.05);
  if (mismatched.length > 0)
    notes.push(
      `test MSE differs from the native reference by more than 5% on ${mismatched.map((r) => `${r.caseId} ${r.label}`).join(', ')}: ` +
        'the two sides may not compute the same thing.',
    );
  return notes;
}
