/**
 * "How to read this" for every panel, as visible text beside it (not only a tooltip), by the panel names
 * of params/view.ts. The article (HowItWorks) says the same at more length.
 */
import type { PanelName } from '../../params/view';

export const PANEL_HELP: Record<PanelName, string> = {
  m:
    'Each cell is one entry M[i, j]: red positive, blue negative, white zero. A bright diagonal cell means ' +
    'the model stretches that coordinate (it matters); a pale one means it is nearly ignored. Off-diagonal ' +
    'colour means two coordinates are used together. Move the scrubber to see M at any iteration.',
  error:
    'Test error (solid) and train error (dashed) by iteration, on a log scale. Iteration 0 is the plain ' +
    'kernel with M = I: the baseline. A test line falling below its iteration-0 value is what learning M bought.',
  spectrum:
    'The largest eigenvalues of the kernel matrix K, one line per iteration (light: early, dark: late). A ' +
    'steeper drop means the kernel sees the data as lower-dimensional: a few directions carry the signal.',
  table:
    'One row per iteration: errors, then how long each step took on this machine. Click a row to show that ' +
    'iteration’s M.',
  accuracy:
    'Share of correct predictions by iteration, test solid and train dashed. For grokking, watch for the ' +
    'moment the test line leaves the floor.',
  ab:
    'The block of M that pairs the one-hot coordinates of a with those of b. Noise at first; a pattern of ' +
    'stripes (constant along diagonals) means M has learned the arithmetic.',
  circulant:
    'The circulant deviation of the a-b block by iteration, on a log scale: how far the block is from a ' +
    'circulant matrix (constant along each wrapped diagonal); the lower the line, the more circulant. Compare ' +
    'with the accuracy panel: when the line falls before test accuracy jumps, the structure came first and the ' +
    'accuracy after. Below it, the cosine similarity of each iteration’s M with the final M climbs towards 1.',
  confusion:
    'Rows are the true class, columns the predicted one; a dark diagonal means correct predictions. ' +
    'Off-diagonal cells show which classes are confused.',
  features:
    'The diagonal of M, one bar per input feature, largest first: how much the learned metric stretches ' +
    'each feature. With standardised features, bars compare directly.',
  sweep:
    'Each point is a whole run. Compare the plain kernel (iteration 0) with RFM at the same x: the gap is ' +
    'what learning M buys as the parameter changes. Click a point to see its M.',
  nfa:
    'Each line is a correlation by training epoch between two matrices: 1 means the same pattern of ' +
    'entries, 0 none. corr(WᵀW, √AGOP) is the claim: the network’s first-layer WᵀW matches its own average ' +
    'gradient outer product. The grey dashed lines are the controls it must beat: the untrained weights W₀ ' +
    'against this epoch’s √AGOP. Read the off-diagonal pair (the diagonal alone scores ~0.9 on any run): a solid ' +
    'line well above its dashed control means training built the features the ansatz predicts; the centred ' +
    'line counts only what training changed, and corr(WᵀW, RFM’s M) compares the network with the RFM.',
  'nn-features':
    'The network’s W^T W drawn like M: compare the two heatmaps; the same bright rows mean the network ' +
    'and the RFM learned the same features.',
  tree:
    'Each dot is a split: the rows there were projected on the top eigenvector of an RFM’s M (the feature ' +
    'named beside it weighs most) and cut at the median. Under each leaf, its own M on one colour scale for ' +
    'all leaves: leaves that learned different directions look different. n is the leaf’s training rows, ' +
    'test its test MSE on the points routed to it.',
  'nn-error': 'The network’s train and test error by epoch, to set beside the RFM’s error by iteration.',
  prompt:
    'Type a few characters: the model continues them one character at a time, and the bars show its ' +
    'scores for the next character.',
  text:
    'M’s diagonal folded into position × character: a bright cell means the model looks at that ' +
    'character at that position of the context (the rightmost positions are the latest characters).',
  matrices:
    'Three pictures of the same matrix: the truth, the entries the model sees (the rest blank), and what ' +
    'lin-RFM fills in. Move the scrubber: the recovered matrix sharpens into the true one when recovery works.',
  singular:
    'The singular values of the estimate W, one line per iteration, on a log scale. When the matrix is ' +
    'recovered, all but the first rank values fall by orders of magnitude: W collapses to the true rank.',
  recovery:
    'The relative error ||W - Y|| / ||Y|| by iteration (log scale). Iteration 0 is the min-norm solution; ' +
    'the soft-impute line is the nuclear-norm baseline. Below 1e-2 the matrix is essentially recovered.',
  mspectrum:
    'The eigenvalues of the feature matrix M by iteration (its diagonal for sparse recovery), or of each ' +
    'Deep RFM layer’s M_l: M learns to weight the few directions (or coordinates) the answer lives in; in ' +
    'Deep RFM about one per class stands out.',
  coefficients:
    'Estimated against true coefficients, one bar pair per coordinate, and the support found: the ' +
    'coordinates that are truly non-zero should stand out and the rest fall to zero.',
  phase:
    'Each cell completes a random matrix of that rank from that share of its entries. Dark, outlined cells ' +
    'are recovered: success needs more observations as the rank grows, and the boundary is the phase transition.',
  collapse:
    'NC1 is the spread of the points within their classes over the spread between class means (log scale, ' +
    'lower is more collapsed); NC2 is how far the class means are from a simplex. Solid lines follow the ' +
    'stack with the AGOP through each layer: its points X, X M^½ and the next layer; the dashed line is the same ' +
    'stack without the AGOP (M = I).',
  gram:
    'Each pixel is the cosine between two points after centring, the points sorted by class. Move the scrubber ' +
    'through the layers: with the AGOP, red squares form on the diagonal (a class collapses onto its mean) ' +
    'and the rest turns evenly blue; the control stays grainy.',
  simplex:
    'Left: the cosines between the centred class means at the scrubbed layer. Right: a simplex, the most ' +
    'spread-out arrangement of K means (1 on the diagonal, -1/(K-1) elsewhere). Neural collapse makes them alike.',
  filters:
    'M’s top eigenvectors, each drawn as a q × q patch: red pixels weigh in positively, blue negatively. A ' +
    'filter of one sign is a blob (it measures brightness); one whose two signs sit on opposite sides is an ' +
    'edge detector. The number under each is its eigenvalue: how much M stretches that patch direction.',
  featuremaps:
    'A test digit and, beside it, each of M’s top filters slid over it (stride 1, no padding, no ReLU): red ' +
    'where the patch looks like the filter, blue where it looks like its negative. Edge filters light up ' +
    'along the strokes’ sides. Move the scrubber to see the filters of any iteration.',
  predictor:
    'The function the model has learned, drawn over a grid. With one input: the learned curve (solid), the ' +
    'true function (dashed) where it is known, training points (filled) and test points (hollow). With two: ' +
    'each cell is the prediction (or the predicted class) there, points on top. With more: a slice through ' +
    'two chosen coordinates, the others at their training means. Move the scrubber to see any iteration.',
  loss:
    'The training loss (MSE over all training points) after each SGD step, on a log scale, one line per batch ' +
    'size. A triangle marks each spike: the loss more than doubles over its lowest value so far, then falls ' +
    'back. A spike past the edge of stability is a catapult: the step throws the network out of a sharp valley ' +
    'into a flatter one. The dashed line is the small-step control, which should fall without spiking.',
  ntk:
    'The largest eigenvalue of the network’s tangent kernel on a fixed batch after each step. Gradient descent ' +
    'is stable only while it stays below 2 / lr (the dashed edge lines, one per step size). In a catapult it ' +
    'starts above the edge and falls below it while the loss spikes.',
  alignment:
    'How alike the network’s AGOP and the true function’s AGOP are, as the cosine of the two matrices (1: the ' +
    'same directions). The paper says the alignment jumps after a catapult: compare it before and after each ' +
    'spike on the loss panel.',
  batches:
    'One point per run, against its batch size: how many spikes it had, its final alignment and its test MSE. ' +
    'The paper says smaller batches give more spikes and lower test error. The small-step control runs at ' +
    'half the edge, so it is drawn apart: it shows what the same steps give without catapults.',
};
