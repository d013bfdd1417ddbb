/**
 * "How it works": the explanation a teacher can teach from, as a collapsible box beside the tool
 * (HowItWorksAside) and as an article under it (HowItWorks): the loop with its formulas, how to read each
 * panel, and the papers. The panel texts are the same PANEL_HELP the panels show.
 */
import { PANEL_HELP } from './panelHelp';
import { RfmLoop } from './RfmLoop';
import { Tex } from './Tex';

export const PAPERS = [
  {
    href: 'https://www.science.org/doi/10.1126/science.adi5639',
    text: 'Radhakrishnan, Beaglehole, Pandit, Belkin: Mechanism for feature learning in neural networks and backpropagation-free machine learning models. Science, 2024.',
  },
  {
    href: 'https://arxiv.org/abs/2407.20199',
    text: 'Mallinar, Beaglehole, Zhu, Radhakrishnan, Pandit, Belkin: Emergence in non-neural models: grokking modular arithmetic via average gradient outer product. 2024.',
  },
  {
    href: 'https://arxiv.org/abs/2508.10053',
    text: 'Beaglehole, Holzmüller, Radhakrishnan, Belkin: xRFM: Accurate, scalable, and interpretable feature learning models for tabular data. 2025.',
  },
  {
    href: 'https://arxiv.org/abs/2401.04553',
    text: 'Radhakrishnan, Belkin, Drusvyatskiy: Linear Recursive Feature Machines provably recover low-rank matrices. 2025.',
  },
] as const;

export function HowItWorksAside() {
  return (
    <details className="control-group how-it-works-aside" data-testid="how-it-works-aside">
      <summary>How it works</summary>
      <RfmLoop />
      <p>
        <a href="#how-it-works">Read the whole explanation below</a>: how to read M, the spectrum and the error curves,
        and the papers.
      </p>
    </details>
  );
}

export function HowItWorks() {
  return (
    <article id="how-it-works" className="article" aria-labelledby="how-it-works-title">
      <h2 id="how-it-works-title">How it works</h2>
      <p>
        A Recursive Feature Machine is a kernel machine that learns which directions of its input matter. It repeats
        four steps; iteration 0 is the plain kernel machine, the baseline every chart compares with.
      </p>
      <RfmLoop />
      <h3>How to read M</h3>
      <p>{PANEL_HELP.m}</p>
      <p>
        M is symmetric and positive semi-definite. Its eigenvectors with large eigenvalues are the learned features: for
        the seed target <Tex>{'f(x) = 5x_1^3 + 10x_2^2 + 2x_3'}</Tex> they lie in the span of{' '}
        <Tex>{'x_1, x_2, x_3'}</Tex>, whatever the dimension d.
      </p>
      <h3>How to read the error curves</h3>
      <p>{PANEL_HELP.error}</p>
      <h3>How to read the spectrum</h3>
      <p>{PANEL_HELP.spectrum}</p>
      <h3>The presets’ own panels</h3>
      <dl className="article-panels">
        <dt>Grokking: the a-b block</dt>
        <dd>
          {PANEL_HELP.ab} For <Tex>{'(a + b) \\bmod p'}</Tex> the learned block is circulant: its entries depend only on{' '}
          <Tex>{'a - b \\bmod p'}</Tex>, the structure of the Fourier features a network learns.
        </dd>
        <dt>Grokking: circulant structure</dt>
        <dd>{PANEL_HELP.circulant}</dd>
        <dt>Accuracy</dt>
        <dd>{PANEL_HELP.accuracy}</dd>
        <dt>Next-character prediction: what the model reads</dt>
        <dd>{PANEL_HELP.text}</dd>
        <dt>Tables of data: feature importance</dt>
        <dd>{PANEL_HELP.features}</dd>
        <dt>Classification: the confusion matrix</dt>
        <dd>{PANEL_HELP.confusion}</dd>
        <dt>Sweeps: the scaling test</dt>
        <dd>{PANEL_HELP.sweep}</dd>
      </dl>
      <section aria-labelledby="how-it-works-linrfm">
        <h3 id="how-it-works-linrfm">Matrix completion with lin-RFM</h3>
        <p>
          The matrix-completion preset hides most entries of a low-rank matrix <Tex>{'Y'}</Tex> and asks for the rest.
          lin-RFM is the RFM with a linear kernel: each row of the estimate <Tex>{'W'}</Tex> is the smallest solution in
          the metric <Tex>{'M'}</Tex> that agrees with that row’s observed entries, and <Tex>{'M'}</Tex> is then set to{' '}
          <Tex>{'(W^\top W / m)^{s}'}</Tex>, so the directions the rows share are cheap and the rest expensive. With{' '}
          <Tex>{'s = 1/2'}</Tex> this is iteratively reweighted least squares; iteration 0 (<Tex>{'M = I'}</Tex>) fills
          the unseen entries with zeros. Its four panels:
        </p>
        <dl className="article-panels">
          <dt>The three matrices</dt>
          <dd>{PANEL_HELP.matrices}</dd>
          <dt>Singular values of W</dt>
          <dd>{PANEL_HELP.singular}</dd>
          <dt>Recovery error</dt>
          <dd>{PANEL_HELP.recovery}</dd>
          <dt>Spectrum of M</dt>
          <dd>{PANEL_HELP.mspectrum}</dd>
          <dt>The phase transition</dt>
          <dd>{PANEL_HELP.phase}</dd>
        </dl>
      </section>
      <h3>The network beside the RFM: the neural feature ansatz</h3>
      <p>{PANEL_HELP.nfa}</p>
      <h3>Papers</h3>
      <ul className="papers">
        {PAPERS.map((paper) => (
          <li key={paper.href}>
            <a href={paper.href} target="_blank" rel="noreferrer">
              {paper.text}
            </a>
          </li>
        ))}
      </ul>
    </article>
  );
}
