/**
 * The neural feature ansatz presets (docs/nfa.md): the RFM and a fully connected network trained on the same
 * data, with the network's first-layer W^T W compared to its own sqrt(AGOP) and to the RFM's M.
 * Spread into PRESETS (presets.ts).
 */
import type { Preset } from './presets';

export const NFA_PRESETS: Record<'nfa-grokking' | 'nfa-tabular', Preset> = {
  'nfa-grokking': {
    name: 'nfa-grokking',
    title: 'Network vs RFM: grokking',
    caption:
      'Modular addition (a + b) mod 23 from 70% of the pairs, learned by the RFM and by a one-hidden-layer network (quadratic activation, width 512, AdamW lr 1e-3, weight decay 1, batch 32). Both grok: test accuracy sits near 0, then jumps. Watch the network’s W^T W turn block-circulant like M, and its correlation with sqrt(AGOP) pass 0.9 (Mallinar et al. 2024 report above 0.92 at p = 61, width 1024). The off-diagonal correlation and epoch 0 (the network at initialisation with its own AGOP) say how much of that figure is real.',
    params: {
      data: 'modular',
      p: 23,
      op: '+',
      frac: 0.7,
      kernel: 'gaussian',
      L: 2.5,
      lambda: 0,
      center: true,
      norm: 'sqrt',
      iters: 15,
      spectrum: 16,
      model: 'rfm+nn',
      nnwidth: 512,
      nndepth: 1,
      nnact: 'quadratic',
      nnlr: 1e-3,
      nnwd: 1,
      nnbatch: 32,
      nnepochs: 150,
      nninit: 1,
    },
  },
  'nfa-tabular': {
    name: 'nfa-tabular',
    title: 'Network vs RFM: x₁x₂',
    caption:
      'f(x) = x₁x₂ in d = 20 with Gaussian inputs, learned by the RFM and by a relu network (width 256, initialisation ×0.1, weight decay 1e-4). The network’s W^T W concentrates on x1, x2 as M does and correlates with its own sqrt(AGOP) (the neural feature ansatz, Radhakrishnan et al., Science 2024). Read it against epoch 0, the same network at initialisation with its own AGOP: the raw figure is already high there (the diagonal), the gain is off the diagonal. The panel gives this run’s figures; measured at these settings: 0.98 against 0.73, off the diagonal 0.74 against 0.13.',
    params: {
      data: 'synthetic',
      expr: 'x1*x2',
      d: 20,
      n: 1000,
      ntest: 500,
      dist: 'normal',
      kernel: 'laplace',
      L: 10,
      lambda: 1e-3,
      iters: 5,
      model: 'rfm+nn',
      nnwidth: 256,
      nndepth: 1,
      nnact: 'relu',
      nnlr: 1e-3,
      nnwd: 1e-4,
      nnbatch: 32,
      nnepochs: 30,
      nninit: 0.1,
    },
  },
};
