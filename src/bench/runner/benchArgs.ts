/** The options of `npm run bench`, parsed once; unknown flags and values throw with the usage text. */

export const BROWSER_BACKENDS = ['wasm', 'webgpu'] as const;
export const NODE_BACKENDS = ['node-wasm', 'node-cpu'] as const;
export const ALL_BACKENDS: readonly string[] = [...BROWSER_BACKENDS, ...NODE_BACKENDS];

export interface BenchArgs {
  /** Case ids, or null for all. */
  cases: string[] | null;
  /** Backends, or null for the default set (which limits the slow ones). */
  backends: string[] | null;
  repeats: number;
  quick: boolean;
  build: boolean;
  native: boolean;
  timeoutScale: number;
  maxWaitSeconds: number;
  /** Runs again, up to this many times, a run during which other processes took much of the CPU. */
  retries: number;
}

export const USAGE = `usage: npm run bench -- [options]
  --cases A,B,C,D,E     cases to run (default: all)
  --backends LIST       of wasm, webgpu, node-wasm, node-cpu (default: all, with webgpu on a software
                        adapter and node-cpu limited to case A; the native reference always runs)
  --repeats N           runs per case and backend (default 3)
  --quick               small versions of the cases, for a smoke run
  --no-build            serve the existing build instead of running vite build
  --no-native           skip the numpy reference
  --timeout-scale X     multiply every per-case timeout by X (default 1)
  --max-wait S          before each run, wait up to S seconds for other processes to leave the CPU (default 60)
  --retries N           run again, up to N times, a run during which other processes took over 20% of the
                        CPU, and keep the quietest (default 1)`;

export function parseBenchArgs(argv: string[]): BenchArgs | 'help' {
  const args: BenchArgs = {
    cases: null,
    backends: null,
    repeats: 3,
    quick: false,
    build: true,
    native: true,
    timeoutScale: 1,
    maxWaitSeconds: 60,
    retries: 1,
  };
  const list = (value: string): string[] => value.split(',').filter(Boolean);
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const next = (): string => {
      const value = argv[++i];
      if (value === undefined) throw new Error(`${flag} needs a value\n${USAGE}`);
      return value;
    };
    if (flag === '--cases') args.cases = list(next().toUpperCase());
    else if (flag === '--backends') args.backends = list(next());
    else if (flag === '--repeats') args.repeats = Number(next());
    else if (flag === '--quick') args.quick = true;
    else if (flag === '--no-build') args.build = false;
    else if (flag === '--no-native') args.native = false;
    else if (flag === '--timeout-scale') args.timeoutScale = Number(next());
    else if (flag === '--max-wait') args.maxWaitSeconds = Number(next());
    else if (flag === '--retries') args.retries = Number(next());
    else if (flag === '--help' || flag === '-h') return 'help';
    else throw new Error(`unknown option ${flag}\n${USAGE}`);
  }
  if (!Number.isInteger(args.repeats) || args.repeats < 1) throw new Error('--repeats must be an integer >= 1');
  if (!(args.timeoutScale > 0)) throw new Error('--timeout-scale must be > 0');
  if (!(args.maxWaitSeconds >= 0)) throw new Error('--max-wait must be >= 0');
  if (!Number.isInteger(args.retries) || args.retries < 0) throw new Error('--retries must be an integer >= 0');
  for (const backend of args.backends ?? [])
    if (!ALL_BACKENDS.includes(backend)) throw new Error(`unknown backend ${backend} (use ${ALL_BACKENDS.join(', ')})`);
  return args;
}
