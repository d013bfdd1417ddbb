/**
 * Which component stands behind each short panel name (params/view.ts PANEL_NAMES) for the data at hand,
 * and each preset's default pair for an embed. Pure: the registry (registry.tsx) maps kinds to components.
 */
import { sourceOf } from '../../data/sources/descriptors';
import type { SourcePanels } from '../../data/sources/source';
import type { Job, LinRfmProblem } from '../../jobs/job';
import type { Params, PresetName } from '../../params/schema';
import type { PanelName } from '../../params/view';
import { CATAPULT_PANELS, type CatapultPanelKind } from '../views/catapults/catapultPanels';

export type PanelKind =
  | 'heatmap'
  | 'sweepHeatmap'
  | 'error'
  | 'spectrum'
  | 'table'
  | 'grokkingAccuracy'
  | 'classificationAccuracy'
  | 'ab'
  | 'circulant'
  | 'confusion'
  | 'featureImportance'
  | 'imageViews'
  | 'textFeatures'
  | 'textComparison'
  | 'prompt'
  | 'sweepChart'
  | 'nnError'
  | 'nnFeatures'
  | 'nfa'
  | 'linrfmMatrices'
  | 'linrfmSingular'
  | 'linrfmRecovery'
  | 'linrfmMSpectrum'
  | 'linrfmCoefficients'
  | 'linrfmPhase'
  | 'deepCollapse'
  | 'deepGram'
  | 'deepSpectrum'
  | 'deepSimplex'
  | 'convM'
  | 'convFilters'
  | 'convFeatureMaps'
  | 'convAccuracy'
  | 'predictor'
  | 'tree'
  | CatapultPanelKind;

/** What decides a panel's component: known from the parameters before the first run reports back. */
export interface PanelContext {
  data: Params['data'];
  /** The job the parameters describe (jobs/job.ts): lin-RFM and sweeps have panels of their own. */
  job: Job;
  classification: boolean;
}

/** The panels of each lin-RFM problem (docs/linrfm.md), with their components. */
const LINRFM_KINDS: Record<LinRfmProblem | 'phase', Partial<Record<PanelName, PanelKind>>> = {
  completion: {
    matrices: 'linrfmMatrices',
    recovery: 'linrfmRecovery',
    singular: 'linrfmSingular',
    mspectrum: 'linrfmMSpectrum',
  },
  sparse: { coefficients: 'linrfmCoefficients', recovery: 'linrfmRecovery', mspectrum: 'linrfmMSpectrum' },
  phase: { phase: 'linrfmPhase' },
};

/** The panels of Deep RFM (docs/deeprfm.md), with their components. */
const DEEP_KINDS: Partial<Record<PanelName, PanelKind>> = {
  collapse: 'deepCollapse',
  gram: 'deepGram',
  mspectrum: 'deepSpectrum',
  simplex: 'deepSimplex',
};

/** The panels of a ConvRFM run (docs/convrfm.md). */
const CONV_KINDS: Partial<Record<PanelName, PanelKind>> = {
  m: 'convM',
  filters: 'convFilters',
  featuremaps: 'convFeatureMaps',
  accuracy: 'convAccuracy',
};

/** The component kind behind `name`, or null when the panel does not apply to this experiment. */
export function panelKind(name: PanelName, ctx: PanelContext): PanelKind | null {
  const { data, job, classification } = ctx;
  switch (job.kind) {
    case 'linrfm':
      return LINRFM_KINDS[job.problem][name] ?? null;
    case 'linrfm-phase':
      return LINRFM_KINDS.phase[name] ?? null;
    case 'deep-rfm':
      return DEEP_KINDS[name] ?? null;
    case 'sweep':
      return name === 'sweep' ? 'sweepChart' : name === 'm' ? 'sweepHeatmap' : null;
    case 'convrfm':
      return CONV_KINDS[name] ?? null;
    case 'rfm':
    case 'rfm+nn':
      return rfmPanelKind(name, sourceOf(data).panels, classification, job.kind === 'rfm+nn');
    case 'tree':
      // An AGOP tree (docs/trees.md): its splits and leaves in one panel; the RFM panels read one run's records.
      return name === 'tree' ? 'tree' : null;
    case 'catapults':
      return CATAPULT_PANELS.kinds[name] ?? null;
  }
}

/** The panels of an RFM run, by data source; `network`: a network trains beside it (docs/nfa.md). */
function rfmPanelKind(
  name: PanelName,
  source: SourcePanels,
  classification: boolean,
  network: boolean,
): PanelKind | null {
  switch (name) {
    case 'm':
      return 'heatmap';
    case 'error':
      return 'error';
    case 'spectrum':
      return 'spectrum';
    case 'table':
      return 'table';
    case 'accuracy':
      return source.accuracy ?? (classification ? 'classificationAccuracy' : null);
    case 'confusion':
      return classification ? 'confusion' : null;
    // The panels a data source brings (data/sources/registry.ts).
    case 'ab':
    case 'circulant':
    case 'features':
    case 'text':
    case 'prompt':
    case 'predictor':
      return source[name] ?? null;
    case 'sweep':
      return null;
    case 'nn-error':
      return network ? 'nnError' : null;
    case 'nn-features':
      return network ? 'nnFeatures' : null;
    case 'nfa':
      return network ? 'nfa' : null;
    // lin-RFM, Deep RFM and ConvRFM panels (docs/linrfm.md, docs/deeprfm.md, docs/convrfm.md) apply only to their own runs (above).
    case 'matrices':
    case 'singular':
    case 'recovery':
    case 'mspectrum':
    case 'coefficients':
    case 'phase':
    case 'collapse':
    case 'gram':
    case 'simplex':
    case 'filters':
    case 'featuremaps':
    case 'tree':
    case 'loss':
    case 'ntk':
    case 'alignment':
    case 'batches':
      return null;
  }
}

/** The full app's panels when the link names none: every one that applies, in this order. */
export const FULL_PANELS: PanelName[] = [
  ...CATAPULT_PANELS.full,
  'collapse',
  'gram',
  'tree',
  'phase',
  'matrices',
  'coefficients',
  'recovery',
  'singular',
  'mspectrum',
  'simplex',
  'sweep',
  'm',
  'filters',
  'featuremaps',
  'error',
  'spectrum',
  'predictor',
  'nfa',
  'nn-features',
  'nn-error',
  'accuracy',
  'ab',
  'circulant',
  // Before the wide text panel: text's half-width cards then pair up (M tall beside error and spectrum,
  // accuracy beside confusion, comparison beside prompt) instead of the confusion matrix standing alone.
  'confusion',
  'features',
  'text',
  'prompt',
  'table',
];

/** An embed's panels when the link names none: the pair that tells each experiment's story. */
export const DEFAULT_EMBED_PANELS: Record<PresetName, PanelName[]> = {
  seed: ['m', 'error'],
  scaling: ['sweep', 'm'],
  grokking: ['accuracy', 'ab'],
  text: ['features', 'text'],
  lowrank: ['m', 'error'],
  boston: ['features', 'error'],
  iris: ['confusion', 'accuracy'],
  digits: ['features', 'accuracy'],
  csv: ['m', 'error'],
  'nfa-grokking': ['nfa', 'nn-features'],
  'nfa-tabular': ['nfa', 'nn-features'],
  'matrix-completion': ['matrices', 'recovery'],
  'matrix-completion-schatten': ['matrices', 'recovery'],
  'sparse-recovery': ['coefficients', 'recovery'],
  'neural-collapse': ['collapse', 'gram'],
  convrfm: ['filters', 'accuracy'],
  interpolation: ['predictor', 'error'],
  catapults: ['loss', 'batches'],
};

/** Every panel name with what it shows (the README's table and the share dialog use these words). */
export const PANEL_DESCRIPTIONS: Record<PanelName, string> = {
  m: 'the feature matrix M as a heatmap (the final M of the picked point in a sweep; q² × q² for ConvRFM)',
  error: 'train and test MSE by iteration',
  spectrum: 'the kernel matrix’s eigenvalue spectrum',
  table: 'the metrics of every iteration',
  accuracy:
    'train and test accuracy by iteration (classification, grokking; ConvRFM against its fixed kernel, the plain RFM and layer 2)',
  ab: 'the a-b block of M (modular arithmetic)',
  circulant: 'circulant deviation and alignment by iteration (modular arithmetic)',
  confusion: 'the test confusion matrix (classification)',
  features: 'feature ranking by diag(M), M as images (digits), or M as position x character (text)',
  sweep: 'final and best test error against the swept parameter (sweeps)',
  text: 'RFM against bigram and trigram models (text)',
  prompt: 'a prompt box continuing text with the trained model (text)',
  'nn-error': 'test error of the network by epoch beside the RFM by iteration, one y axis (model=rfm+nn)',
  'nn-features': 'the network’s WᵀW, centred WᵀW and √AGOP beside the RFM’s M, by epoch (model=rfm+nn)',
  nfa: 'the neural feature ansatz: corr(WᵀW, √AGOP) by epoch with its baselines (model=rfm+nn)',
  matrices: 'true, observed and recovered matrices with an iteration scrubber (lin-RFM matrix completion)',
  singular: 'singular values of W by iteration (lin-RFM matrix completion)',
  recovery: 'relative recovery error by iteration with the min-norm and soft-impute baselines (lin-RFM)',
  mspectrum:
    'the spectrum of M (or its diagonal for sparse recovery) by iteration (lin-RFM), or of M_l by layer (Deep RFM)',
  coefficients: 'estimated versus true coefficients and the support found (lin-RFM sparse recovery)',
  phase: 'recovery success over observed share x rank, one matrix completion per cell (lin-RFM linrfm=phase)',
  collapse:
    'NC1 and NC2 by layer, log scale: X, X M^½, the next layer and the control without the AGOP (model=deep-rfm)',
  gram: 'the Gram matrix of centred features sorted by class at a scrubbed layer, with and without the AGOP (model=deep-rfm)',
  simplex:
    'the class means’ cosines at a scrubbed layer beside the simplex, -1/(K-1) off the diagonal (model=deep-rfm)',
  filters: 'M’s top eigenvectors drawn as q × q filters with their eigenvalues, and what they became (ConvRFM)',
  featuremaps: 'M’s top filters slid over a test image, with an iteration scrubber (ConvRFM)',
  predictor:
    'the learned function over a grid (d = 1: a curve with the data and the true f; d = 2: a surface; d > 2: a slice), by iteration',
  tree: 'the AGOP tree: its splits, each leaf’s size, M on one colour scale and test error (more rows than leaf)',
  ...CATAPULT_PANELS.descriptions,
};

/** Panels drawn across the whole row (their section has the class `wide`). */
const WIDE = new Set<PanelKind>([
  'table',
  'textFeatures',
  'nnError',
  'nnFeatures',
  'nfa',
  'sweepChart',
  'linrfmMatrices',
  'linrfmPhase',
  'deepCollapse',
  'deepGram',
  // Wide, so the M | error over spectrum block before it keeps its shape; the 1-D curve likes the width.
  'predictor',
  'tree',
  ...CATAPULT_PANELS.wide,
]);

/**
 * Which panels stand two rows tall. Cards are as tall as their content, two to a row; in a run of an odd
 * number of half-width panels the last would stand alone beside an empty half row. When the run opens
 * with M (the tallest card), M spans two rows instead and the next two panels stack beside it, so the
 * default demo reads M | error over spectrum rather than leaving the spectrum alone.
 */
export function tallPanels(kinds: readonly PanelKind[]): Set<number> {
  const tall = new Set<number>();
  let start = 0;
  for (let i = 0; i <= kinds.length; i++) {
    if (i < kinds.length && !WIDE.has(kinds[i]!)) continue;
    const run = i - start;
    if (run >= 3 && run % 2 === 1 && (kinds[start] === 'heatmap' || kinds[start] === 'sweepHeatmap')) tall.add(start);
    start = i + 1;
  }
  return tall;
}
