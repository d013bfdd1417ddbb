/**
 * How much of the CPU other processes took while a benchmark ran. On a shared machine a timing is only
 * as good as its quiet, so each run is bracketed by two snapshots: the whole system's busy time
 * (/proc/stat) and that of this runner's own process tree (itself, its children and whatever they have
 * reaped: /proc/<pid>/stat utime + stime + cutime + cstime). The rest is everybody else.
 * Linux only; elsewhere the share is reported as unknown (null).
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface CpuSnapshot {
  /** Ticks the CPUs were busy, summed over cores. */
  busy: number;
  /** All ticks, busy or idle, summed over cores. */
  total: number;
  /** Ticks used by this process tree, including reaped children. */
  own: number;
}

function systemTicks(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const [, ...fields] = line.trim().split(/\s+/);
  const ticks = fields.map(Number);
  const total = ticks.slice(0, 8).reduce((a, b) => a + b, 0); // user..steal; guest is counted in user
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0); // idle + iowait
  return { busy: total - idle, total };
}

/** pid -> [ppid, utime + stime + cutime + cstime] for every process we may read. */
function processTable(): Map<number, [number, number]> {
  const table = new Map<number, [number, number]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name, which is in parentheses and may contain spaces.
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(rest[1]);
      const time = Number(rest[11]) + Number(rest[12]) + Number(rest[13]) + Number(rest[14]);
      table.set(Number(entry), [ppid, time]);
    } catch {
      // the process ended while we looked
    }
  }
  return table;
}

function ownTicks(): number {
  const table = processTable();
  const children = new Map<number, number[]>();
  for (const [pid, [ppid]] of table) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  let sum = 0;
  const stack = [process.pid];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    sum += table.get(pid)?.[1] ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return sum;
}

export function cpuSnapshot(): CpuSnapshot | null {
  try {
    return { ...systemTicks(), own: ownTicks() };
  } catch {
    return null;
  }
}

/** Share (0..1) of all CPU time between the snapshots that other processes used; null if unknown. */
export function othersShare(before: CpuSnapshot | null, after: CpuSnapshot | null): number | null {
  if (!before || !after) return null;
  const total = after.total - before.total;
  if (total <= 0) return null;
  const others = after.busy - before.busy - (after.own - before.own);
  return Math.min(1, Math.max(0, others / total));
}
