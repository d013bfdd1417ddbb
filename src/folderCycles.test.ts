/**
 * No circle of imports across folders (docs/architecture.md): the graph of src/'s top-level folders, drawn
 * from every source file's relative imports (tests left out), has no cycle. The lint zones keep each import
 * pointing up the layer order; this checks the graph as it is, so a folder outside the zones cannot close
 * a circle either.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(__dirname);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$|\.testing\.ts$/.test(e.name) ? [path] : [];
  });
}

const folderOf = (path: string) => relative(SRC, path).split(sep)[0]!;

/** Folder -> folders it imports, with one file that does, for the message. */
export function folderGraph(files: string[]): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s+'(\.[^']+)'|import\('(\.[^']+)'\)/g)) {
      const from = folderOf(file);
      const to = folderOf(normalize(join(dirname(file), m[1] ?? m[2]!)));
      if (from === to) continue;
      if (!graph.has(from)) graph.set(from, new Map());
      if (!graph.get(from)!.has(to)) graph.get(from)!.set(to, relative(SRC, file));
    }
  }
  return graph;
}

/** A cycle as a list of folders (first = last), or null. */
export function findCycle(graph: Map<string, Map<string, string>>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node];
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node)?.keys() ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

describe('the folders of src/', () => {
  it('import one another without a circle', () => {
    const graph = folderGraph(sourceFiles(SRC));
    const cycle = findCycle(graph);
    const why = cycle?.slice(1).map((to, i) => `${cycle[i]} -> ${to} (${graph.get(cycle[i]!)!.get(to)})`);
    expect(why ?? []).toEqual([]);
  });

  it('finds a circle when there is one', () => {
    const edges = (pairs: [string, string][]) => {
      const g = new Map<string, Map<string, string>>();
      for (const [a, b] of pairs) g.set(a, (g.get(a) ?? new Map()).set(b, `${a}/x.ts`));
      return g;
    };
    expect(
      findCycle(
        edges([
          ['store', 'jobs'],
          ['jobs', 'experiments'],
        ]),
      ),
    ).toBeNull();
    expect(
      findCycle(
        edges([
          ['store', 'jobs'],
          ['jobs', 'experiments'],
          ['experiments', 'store'],
        ]),
      ),
    ).toEqual(['store', 'jobs', 'experiments', 'store']);
  });
});
