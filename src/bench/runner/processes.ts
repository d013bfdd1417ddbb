/**
 * Child processes of the bench runner: each runs in its own process group so a timeout or Ctrl-C ends
 * it with everything it started (npx, tsx, python's BLAS threads). `stopAll` ends whatever is left.
 * Also: waiting for other processes to leave the CPU before a run (see contention.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { cpuSnapshot, othersShare } from './contention';

const children = new Set<ChildProcess>();

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** Ends every process group this runner started and that is still running. */
export function stopAll(): void {
  for (const child of children) signalGroup(child, 'SIGTERM');
}

/** Starts `command` in a new process group, remembered until it exits. */
export function startGroup(command: string, args: string[]): ChildProcess {
  const child = spawn(command, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.on('close', () => children.delete(child));
  return child;
}

export interface ProcessOutcome {
  code: number | null;
  timedOut: boolean;
  /** The last lines of its output, for error messages. */
  tail: string;
}

/** Runs a command, echoing its output lines, and ends its whole group after `timeoutMs`. */
export function runProcess(
  command: string,
  args: string[],
  timeoutMs: number,
  echo: (line: string) => void,
): Promise<ProcessOutcome> {
  return new Promise((resolve) => {
    const child = startGroup(command, args);
    const tail: string[] = [];
    const onData = (chunk: Buffer): void => {
      for (const line of chunk.toString().split('\n')) {
        if (!line.trim()) continue;
        echo(line);
        tail.push(line);
        if (tail.length > 30) tail.shift();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      signalGroup(child, 'SIGTERM');
      setTimeout(() => signalGroup(child, 'SIGKILL'), 3000).unref();
    }, timeoutMs);
    let settled = false;
    const finish = (code: number | null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ code, timedOut, tail: tail.join('\n') });
    };
    child.on('error', (error) => {
      tail.push(error.message);
      finish(-1);
    });
    child.on('close', finish);
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits (up to `maxWaitMs`) until other processes use less than `threshold` of the CPU, measured over
 * one-second windows; returns the last share seen (null where it cannot be measured).
 */
export async function waitForQuiet(maxWaitMs: number, threshold: number): Promise<number | null> {
  const started = Date.now();
  const sample = async (): Promise<number | null> => {
    const before = cpuSnapshot();
    await sleep(1000);
    return othersShare(before, cpuSnapshot());
  };
  let share = await sample();
  if (share !== null && share > threshold && maxWaitMs > 0)
    console.log(`  (other processes use ${(100 * share).toFixed(0)}% of the CPU; waiting up to ${maxWaitMs / 1000} s)`);
  while (share !== null && share > threshold && Date.now() - started < maxWaitMs) {
    await sleep(2000);
    share = await sample();
  }
  return share;
}
