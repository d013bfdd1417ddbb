/**
 * CPU seconds used so far by the processes under this one whose command name matches (Linux /proc only): the
 * Chromium a bench launched, all its threads (the wasm worker's pool included). On a machine shared with other
 * work, wall time says how long a person waited; CPU time says how much work the run was.
 */
import { readdirSync, readFileSync } from 'node:fs';

interface Stat {
  pid: number;
  ppid: number;
  name: string;
  /** utime + stime, in clock ticks. */
  ticks: number;
}

function readStat(pid: string): Stat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces; the fields after it are space-separated.
    const close = text.lastIndexOf(')');
    const name = text.slice(text.indexOf('(') + 1, close);
    const fields = text.slice(close + 2).split(' ');
    // After the name: state, ppid, ..., utime is field 14 of the whole line (index 11 here), stime 15 (12).
    return { pid: Number(pid), ppid: Number(fields[1]), name, ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null; // the process ended meanwhile
  }
}

/** Ticks per second of /proc's utime and stime (USER_HZ): 100 on Linux's usual builds. */
const TICKS_PER_SECOND = 100;

/** The descendants of `root` whose name matches, or null where /proc cannot be read. */
function descendants(root: number, name: RegExp): Stat[] | null {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return null;
  }
  const stats = entries.flatMap((pid) => readStat(pid) ?? []);
  const children = new Map<number, Stat[]>();
  for (const stat of stats) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat]);
  const found: Stat[] = [];
  const queue = [...(children.get(root) ?? [])];
  while (queue.length > 0) {
    const stat = queue.pop()!;
    if (name.test(stat.name)) found.push(stat);
    queue.push(...(children.get(stat.pid) ?? []));
  }
  return found;
}

/** CPU seconds of the descendants of `root` whose name matches, or null where /proc cannot be read. */
export function descendantCpuSeconds(root: number, name: RegExp): number | null {
  const found = descendants(root, name);
  return found === null ? null : found.reduce((sum, stat) => sum + stat.ticks, 0) / TICKS_PER_SECOND;
}

/**
 * CPU seconds so far by thread, keyed `pid name tid` (the thread's name as /proc gives it): says which of
 * Chromium's threads did the work (the worker, the wasm pool's threads, the page's main thread, the GPU process).
 */
export function descendantThreadCpuSeconds(root: number, name: RegExp): Map<string, number> | null {
  const found = descendants(root, name);
  if (found === null) return null;
  const seconds = new Map<string, number>();
  for (const proc of found) {
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${proc.pid}/task`);
    } catch {
      continue; // the process ended meanwhile
    }
    for (const tid of tasks) {
      const stat = readStat(`${proc.pid}/task/${tid}`);
      if (!stat) continue;
      seconds.set(`${proc.pid} ${stat.name} ${tid}`, stat.ticks / TICKS_PER_SECOND);
    }
  }
  return seconds;
}
