/**
 * The parameters of Deep RFM (docs/deeprfm.md): its depth and the width of its random layers. The data
 * (data: digits, iris or csv), n, the bandwidth L, the ridge lambda and the seed are the schema's own keys.
 * Spread into PARAMS (schema.ts); same spec kinds, same parser. A run is Deep RFM when model = deep-rfm
 * (jobs/job.ts); its preset is in ./deepPresets.ts.
 */
import type { DataKind } from './dataParams';
import type { NN_PARAMS } from './nnParams';
import { num } from './specs';

export const DEEP_PARAMS = {
  depth: num({
    key: 'depth',
    label: 'layers D',
    help: 'Deep RFM layers: each one RFM step, X M^(1/2), and a random ReLU layer.',
    defaultValue: 6,
    min: 1,
    max: 20,
    scale: 'linear',
    integer: true,
  }),
  // Not 'width': an embed's <rfm-explorer width="..."> attribute would reach the schema as that key.
  rwidth: num({
    key: 'rwidth',
    label: 'random layer width',
    help: 'Features after each random ReLU layer of Deep RFM (rows of W_l).',
    defaultValue: 256,
    min: 2,
    max: 2048,
    scale: 'log',
    integer: true,
    aliases: ['width'],
  }),
} as const;

/** The data kinds Deep RFM takes: points with class labels (data/sources/descriptors.ts says how each gives them). */
export const DEEP_DATA_KINDS = ['digits', 'iris', 'csv'] as const satisfies readonly DataKind[];

type ModelName = (typeof NN_PARAMS)['model']['options'][number];

type ModelFamily = 'kernel RFM' | 'Deep RFM' | 'ConvRFM' | 'SGD network';

/**
 * Which engine each value of `model` runs: a link that switches a preset to another family (a kernel RFM
 * under the neural-collapse caption, or a ConvRFM preset's patches) contradicts it; only a CSV run may
 * become ConvRFM (a CSV of images). Read as a table, like LINRFM_KERNEL_FAMILY; the kind of the run itself
 * is decided in jobs/job.ts.
 */
export const MODEL_FAMILY: Record<ModelName, ModelFamily> = {
  rfm: 'kernel RFM',
  'rfm+nn': 'kernel RFM',
  'deep-rfm': 'Deep RFM',
  convrfm: 'ConvRFM',
  catapults: 'SGD network',
};

/** The data a preset of each model family may be switched to by a link (a preset otherwise fixes its data). */
export const FAMILY_DATA_CHOICES: Record<ModelFamily, readonly DataKind[]> = {
  'kernel RFM': [],
  'Deep RFM': DEEP_DATA_KINDS,
  ConvRFM: [],
  'SGD network': [],
};

/** Whether a link may switch a preset of `from`'s family to model `to` (a CSV run may become ConvRFM). */
export function modelSwitchAllowed(from: ModelName, to: ModelName, data: DataKind): boolean {
  if (MODEL_FAMILY[from] === MODEL_FAMILY[to]) return true;
  return MODEL_FAMILY[from] === 'kernel RFM' && MODEL_FAMILY[to] === 'ConvRFM' && data === 'csv';
}
