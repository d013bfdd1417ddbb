/** `rfm preset matrix-completion|sparse-recovery` writes per-iteration recovery errors and spectra. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliIo } from './main';

function quietIo(): CliIo {
  return { stdout: { write: () => true }, stderr: { write: () => true } };
}

async function runToJson(args: string[]): Promise<Record<string, unknown>> {
  const dir = await mkdtemp(join(tmpdir(), 'rfm-linrfm-'));
  try {
    const out = join(dir, 'out.json');
    expect(await runCli([...args, '--out', out], quietIo())).toBe(0);
    return JSON.parse(await readFile(out, 'utf8')) as Record<string, unknown>;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('rfm preset with lin-RFM', () => {
  it('writes recovery_error and singular_values for every matrix-completion iteration', async () => {
    const json = await runToJson([
      'preset',
      'matrix-completion',
      '--set',
      'rows=40',
      '--set',
      'cols=30',
      '--set',
      'rank=2',
      '--set',
      'observed=0.5',
      '--set',
      'iters=5',
    ]);
    const iterations = json.iterations as { iter: number; recovery_error: number; singular_values: number[] }[];
    expect(iterations.map((i) => i.iter)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(iterations[0]!.recovery_error).toBeCloseTo(Math.sqrt(0.5), 1);
    expect(iterations.at(-1)!.recovery_error).toBeLessThan(iterations[0]!.recovery_error);
    expect(iterations[0]!.singular_values).toHaveLength(30);
    expect(json.data).toEqual({ rows: 40, cols: 30, rank: 2, observed_entries: 600 });
  });

  it('reports the support found by sparse recovery', async () => {
    const json = await runToJson(['preset', 'sparse-recovery']);
    const metrics = json.metrics as {
      support_exact: boolean;
      final_recovery_error: number;
      converged: boolean;
      stopped_at_iteration: number;
      iteration_budget: number;
    };
    expect(metrics.support_exact).toBe(true);
    expect(metrics.final_recovery_error).toBeLessThan(1e-2);
    // It stops on convergence (the estimate changed by < 1e-7), before its budget.
    expect(metrics.converged).toBe(true);
    expect(metrics.stopped_at_iteration).toBeLessThan(metrics.iteration_budget);
    const last = (json.iterations as { change: number }[]).at(-1)!;
    expect(last.change).toBeLessThan(1e-7);
  });

  it('writes one record per cell and the success grid for the phase transition (linrfm=phase)', async () => {
    const json = await runToJson(
      ['preset', 'matrix-completion', 'linrfm=phase', 'rows=12', 'cols=12', 'iters=2'].flatMap((a, i) =>
        i < 2 ? [a] : ['--set', a],
      ),
    );
    const cells = json.iterations as { cell: number; rank: number; observed: number; recovery_error: number }[];
    expect(cells).toHaveLength(48);
    expect(cells[0]).toMatchObject({ cell: 0, rank: 1, observed: 0.05 });
    expect(cells.every((c) => Number.isFinite(c.recovery_error))).toBe(true);
    const metrics = json.metrics as { success_by_rank: boolean[][]; threshold: number };
    expect(metrics.success_by_rank.map((row) => row.length)).toEqual([8, 8, 8, 8, 8, 8]);
    expect(metrics.threshold).toBe(0.01);
  });
});
