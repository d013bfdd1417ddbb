/**
 * The RFM loop in four steps with its formulas: the heart of the explanation, shown beside and below.
 * The same formulas and conventions as docs/algorithm.md; keep the two in step. Each displayed formula is one
 * short line (a long one is split where it had a \qquad), so it fits the 234 px side column.
 */
import { Tex } from './Tex';

export function RfmLoop() {
  return (
    <ol className="rfm-loop">
      <li>
        <strong>Kernel.</strong> Measure how alike two inputs are through the feature matrix <Tex>M</Tex> (at first{' '}
        <Tex>{'M_0 = I'}</Tex>, every coordinate counts the same):
        <Tex block>{'K_M(x, z) = \\exp\\!\\left(-\\frac{\\lVert x - z \\rVert_M}{L}\\right),'}</Tex>
        <Tex block>{'\\lVert v \\rVert_M = \\sqrt{v^\\top M v}'}</Tex>
        (the Laplace kernel with bandwidth <Tex>L</Tex>; the Gaussian kernel uses{' '}
        <Tex>{'\\exp(-\\lVert x - z \\rVert_M^2 / 2L^2)'}</Tex>).
      </li>
      <li>
        <strong>Solve.</strong> Fit a kernel machine to the training data (ridge <Tex>{'\\lambda'}</Tex>):
        <Tex block>{'\\alpha = (K_M(X, X) + \\lambda I)^{-1} Y,'}</Tex>
        <Tex block>{'f(x) = K_M(x, X)\\,\\alpha'}</Tex>
      </li>
      <li>
        <strong>Gradient and AGOP.</strong> Take the gradient of the fitted function at every training point and average
        their outer products, the <em>average gradient outer product</em>:
        <Tex block>{'\\nabla f(x_i) = M \\sum_{j} W_{ij}\\, \\alpha_j (x_j - x_i),'}</Tex>
        <Tex block>{'G = \\sum_{i=1}^{n} \\nabla f(x_i)\\, \\nabla f(x_i)^\\top'}</Tex>(<Tex>{'W_{ij}'}</Tex> is the
        kernel&apos;s gradient weight, e.g. <Tex>{'K_{ij} / (L \\lVert x_i - x_j \\rVert_M)'}</Tex> for the Laplace
        kernel). Directions in which <Tex>f</Tex> changes a lot get large entries; directions it ignores get almost
        none.
      </li>
      <li>
        <strong>Update.</strong> Use the AGOP as the new feature matrix and go back to step 1:
        <Tex block>{'M_{t+1} = G / n \\;(\\text{mean}),'}</Tex>
        <Tex block>{'(G / n)^{1/2} \\;(\\text{sqrt, grokking}),'}</Tex>
        <Tex block>{'G / \\max_{ij} |G_{ij}| \\;(\\text{max, xRFM})'}</Tex>
        The kernel now stretches the directions that matter and shrinks the rest.
      </li>
    </ol>
  );
}
