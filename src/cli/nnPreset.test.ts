/**
 * `rfm preset nfa-tabular` (CI-sized through --set) writes the usual JSON plus the network's `nn` object:
 * its history by epoch with the NFA correlations and their baselines, and the final W1^T W1.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runCli } from './main';
import type { PresetResult } from './preset';

it('writes the network history, the baseline and W1^T W1 for a preset with model=rfm+nn', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'rfm-nn-'));
  const out = join(dir, 'nfa.json');
  let err = '';
  const io = { stdout: { write: () => true }, stderr: { write: (text: string) => (err += text) } };
  const sets = ['n=120', 'ntest=40', 'iters=1', 'nnepochs=3', 'nnwidth=32', 'spectrum=8'];
  const code = await runCli(
    ['preset', 'nfa-tabular', ...sets.flatMap((s) => ['--set', s]), '--backend', 'cpu', '--out', out],
    io,
  );
  expect(code, err).toBe(0);
  const result = JSON.parse(await readFile(out, 'utf8')) as PresetResult;
  await rm(dir, { recursive: true });
  expect(result.iterations).toHaveLength(2);
  const nn = result.nn!;
  expect(nn.history.map((h) => h.epoch)).toEqual([0, 1, 2, 3]);
  for (const key of ['train_loss', 'test_mse', 'nfa_corr', 'nfa_corr_offdiag', 'nfa_corr_w0', 'nfa_corr_with_rfm_M'])
    expect(typeof nn.history.at(-1)![key as keyof (typeof nn.history)[number]], key).toBe('number');
  expect(nn.history.at(-1)!.test_acc).toBeNull(); // regression: no accuracy
  expect(nn.history[0]!.nfa_corr_centred).toBeNull(); // W - W0 is zero at initialisation
  // The network at initialisation is epoch 0 against its own AGOP; W0 against the final AGOP is another control.
  expect(nn.nfa_corr_epoch0).toBe(nn.history[0]!.nfa_corr);
  expect(nn.nfa_corr_offdiag_epoch0).toBe(nn.history[0]!.nfa_corr_offdiag);
  expect(nn.nfa_corr_w0_final_agop).toBe(nn.history.at(-1)!.nfa_corr_w0);
  expect(nn).not.toHaveProperty('nfa_corr_init');
  expect(nn.W1tW1).toHaveLength(20);
  expect(nn.W1tW1[0]).toHaveLength(20);
  expect(err).toMatch(/network epoch 3\/3/);
});
