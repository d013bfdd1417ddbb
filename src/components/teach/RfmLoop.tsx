/** The RFM loop in four steps with its formulas: the heart of the explanation, shown beside and below. */
import { Tex } from './Tex';

export function RfmLoop() {
  return (
    <ol className="rfm-loop">
      <li>
        <strong>Kernel.</strong> Measure how alike two inputs are through the feature matrix <Tex>M</Tex> (at first{' '}
        <Tex>{'M_0 = I'}</Tex>, every coordinate counts the same):
        <Tex block>
          {
            'K_M(x, z) = \\exp\\!\\left(-\\frac{\\lVert x - z \\rVert_M}{L}\\right), \\qquad \\lVert v \\rVert_M = \\sqrt{v^\\top M v}'
          }
        </Tex>
      </li>
      <li>
        <strong>Solve.</strong> Fit a kernel machine to the training data (ridge <Tex>\lambda</Tex>):
        <Tex block>{'\\alpha = (K_M(X, X) + \\lambda I)^{-1} Y, \\qquad f(x) = K_M(x, X)\\,\\alpha'}</Tex>
      </li>
      <li>
        <strong>Gradient and AGOP.</strong> Take the gradient of the fitted function at every training point and average
        their outer products, the <em>average gradient outer product</em>:
        <Tex block>{'G = \\frac{1}{n} \\sum_{i=1}^{n} \\nabla f(x_i)\\, \\nabla f(x_i)^\\top'}</Tex>
        Directions in which <Tex>f</Tex> changes a lot get large entries; directions it ignores get almost none.
      </li>
      <li>
        <strong>Update.</strong> Use the AGOP as the new feature matrix and go back to step 1:
        <Tex block>
          {'M_{t+1} = G \\quad (\\text{mean}), \\qquad M_{t+1} = G^{1/2} \\quad (\\text{sqrt, grokking})'}
        </Tex>
        The kernel now stretches the directions that matter and shrinks the rest.
      </li>
    </ol>
  );
}
