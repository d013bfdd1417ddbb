/**
 * The view-state schema: how results are shown, as opposed to what is trained (schema.ts). The same spec
 * kinds and the same parser (parseSpecValue), so the URL, a share link, the embed's query string and the
 * `<rfm-explorer>` attributes all read and write view state in one place. Unknown or invalid values are
 * dropped with a notice, never thrown. This module imports only schema.ts.
 *
 * Parameters (schema.ts) travel to the worker and the CLI; view state never does.
 */
import {
  PARAMS,
  PARAM_KEYS,
  ParamError,
  type ParamKey,
  formatSpecValue,
  parseSpecValue,
  type BooleanSpec,
  type EnumSpec,
  type ListSpec,
  type NumberSpec,
  type StringSpec,
  type ValueOf,
} from './schema';

/**
 * Every panel by its short name (the `panels=` list of an embed, the share dialog, classroom mode).
 * Which of them a preset can show is the app's business (components/panels/registry); here they are names.
 */
export const PANEL_NAMES = [
  'm',
  'error',
  'spectrum',
  'table',
  'accuracy',
  'ab',
  'circulant',
  'confusion',
  'features',
  'sweep',
  'text',
  'prompt',
  'nn-error',
  'nn-features',
  'nfa',
  'matrices',
  'singular',
  'recovery',
  'mspectrum',
  'coefficients',
  'phase',
  'collapse',
  'gram',
  'simplex',
  'filters',
  'featuremaps',
  'predictor',
  'tree',
  'loss',
  'ntk',
  'alignment',
  'batches',
] as const;
export type PanelName = (typeof PANEL_NAMES)[number];

/** Groups of controls that classroom mode can hide (like TensorFlow Playground's hide flags). */
export const CONTROL_GROUPS = ['presets', 'data', 'model', 'run', 'backend', 'header', 'downloads'] as const;
export type ControlGroup = (typeof CONTROL_GROUPS)[number];

/**
 * What `hide=` may name: a group, or one control by its parameter key or alias (`hide=kernel,reg` hides the
 * kernel choice and the ridge λ), as TensorFlow Playground hides single controls.
 */
const aliasesOf = (key: ParamKey): readonly string[] => (PARAMS[key] as { aliases?: readonly string[] }).aliases ?? [];
export const HIDEABLE: readonly string[] = [
  ...CONTROL_GROUPS,
  ...PARAM_KEYS.flatMap((key) => [key as string, ...aliasesOf(key)]),
];

/** Whether `hide` hides the control of parameter `key` (named by its key or by one of its aliases). */
export function hidesControl(hide: readonly string[], key: ParamKey): boolean {
  return hide.includes(key) || aliasesOf(key).some((alias) => hide.includes(alias));
}

const num = (s: Omit<NumberSpec, 'kind'>): NumberSpec => ({ kind: 'number', ...s });
const choice = <T extends string>(s: Omit<EnumSpec<T>, 'kind'>): EnumSpec<T> => ({ kind: 'enum', ...s });
const flag = (s: Omit<BooleanSpec, 'kind'>): BooleanSpec => ({ kind: 'boolean', ...s });
const list = <T extends string>(s: Omit<ListSpec<T>, 'kind'>): ListSpec<T> => ({ kind: 'list', ...s });

export const VIEW_PARAMS = {
  embed: flag({
    key: 'embed',
    label: 'embed view',
    help: 'Only the chosen panels and run controls, for an article (any value of ?embed turns it on).',
    defaultValue: false,
  }),
  panels: list({
    key: 'panels',
    label: 'panels',
    help: 'Panels to show, in order (empty: the preset’s own choice).',
    defaultValue: [],
    options: PANEL_NAMES,
  }),
  controls: choice({
    key: 'controls',
    label: 'controls',
    help: 'none; run (play, step, reset and the iteration scrubber); all.',
    defaultValue: 'run',
    options: ['none', 'run', 'all'] as const,
  }),
  it: num({
    key: 'it',
    label: 'iteration shown',
    help: 'The iteration the scrubber shows (-1: follow the latest).',
    defaultValue: -1,
    min: -1,
    max: 100000,
    scale: 'linear',
    integer: true,
  }),
  hidediag: choice({
    key: 'hidediag',
    label: 'hide diagonal',
    help: 'Hide M’s diagonal in the heatmaps (auto: hidden for modular arithmetic).',
    defaultValue: 'auto',
    options: ['auto', 'on', 'off'] as const,
  }),
  mscale: choice({
    key: 'mscale',
    label: 'colour scale',
    help: 'linear; symlog (symmetric log, the default: small and large entries both visible); corr (M_ij / sqrt(M_ii M_jj)).',
    defaultValue: 'symlog',
    options: ['linear', 'symlog', 'corr'] as const,
  }),
  topk: num({
    key: 'topk',
    label: 'top coordinates',
    help: 'Show only the block of M for the k coordinates with the largest diagonal entries (0: all of M).',
    defaultValue: 0,
    min: 0,
    max: 100,
    scale: 'linear',
    integer: true,
  }),
  theme: choice({
    key: 'theme',
    label: 'theme',
    help: 'auto follows the system setting.',
    defaultValue: 'auto',
    options: ['auto', 'light', 'dark'] as const,
  }),
  classroom: flag({
    key: 'classroom',
    label: 'classroom mode',
    help: 'Larger type and thicker lines for projectors.',
    defaultValue: false,
  }),
  hide: list<string>({
    key: 'hide',
    label: 'hidden controls',
    help: 'Control groups (presets, data, model, run, backend, header, downloads) or single controls by parameter name (kernel, reg, ...) to hide.',
    defaultValue: [],
    options: HIDEABLE,
  }),
  slowmo: num({
    key: 'slowmo',
    label: 'slow motion',
    help: 'Seconds per iteration for replaying a run to a room (0: off): the iteration shown steps through the recorded iterations at this pace; training itself is not slowed.',
    defaultValue: 0,
    min: 0,
    max: 10,
    scale: 'linear',
    integer: false,
  }),
  file: {
    kind: 'string',
    key: 'file',
    label: 'CSV file',
    help: 'The name of the CSV a shared run trained on: the rows stay on the sender’s machine, the page names the file.',
    defaultValue: '',
    maxLength: 200,
  } satisfies StringSpec,
} as const;

export type ViewKey = keyof typeof VIEW_PARAMS;
export type ViewState = { -readonly [K in ViewKey]: ValueOf<(typeof VIEW_PARAMS)[K]> };
export const VIEW_KEYS = Object.keys(VIEW_PARAMS) as ViewKey[];

/**
 * The view keys an embed reads (the `?embed` view and the attributes of `<rfm-explorer>`); the README's
 * embed table lists exactly these. `embed` is implied there; `hide` (control groups) and `file` (a shared
 * CSV run's file name, said beside the upload) are the full app's.
 */
export const EMBED_VIEW_KEYS: ViewKey[] = VIEW_KEYS.filter(
  (key) => key !== 'embed' && key !== 'hide' && key !== 'file',
);

export function defaultView(): ViewState {
  return Object.fromEntries(VIEW_KEYS.map((k) => [k, VIEW_PARAMS[k].defaultValue])) as ViewState;
}

export function parseViewParam<K extends ViewKey>(key: K, raw: string): ViewState[K] {
  // `?embed` with no value (or any value but an explicit off) turns the embed view on.
  if (key === 'embed' && !['0', 'false', 'no', 'off'].includes(raw.trim())) return true as ViewState[K];
  return parseSpecValue(VIEW_PARAMS[key], raw) as ViewState[K];
}

/** View state from a query string (or attributes): invalid values keep the default and are reported. */
export function viewFromQuery(query: URLSearchParams): { view: ViewState; problems: string[] } {
  const view = defaultView();
  const problems: string[] = [];
  for (const key of VIEW_KEYS) {
    const raw = query.get(key);
    if (raw === null) continue;
    try {
      (view as Record<ViewKey, unknown>)[key] = parseViewParam(key, raw);
    } catch (error) {
      if (!(error instanceof ParamError)) throw error;
      problems.push(`${error.message}; ignored`);
    }
  }
  return { view, problems };
}

/** The view state that differs from the defaults, as query entries (appended to `query`). */
export function appendViewToQuery(view: ViewState, query: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const defaults = defaultView();
  for (const key of VIEW_KEYS) {
    const text = formatSpecValue(view[key]);
    if (text !== formatSpecValue(defaults[key])) query.set(key, text);
  }
  return query;
}

/**
 * The query with its keys spelled as the schemas spell them, matched without regard to case: HTML
 * attributes are lower-case, so `<rfm-explorer l="3">` means the parameter L. Other keys pass unchanged.
 */
export function canonicalQuery(query: URLSearchParams): URLSearchParams {
  const byLowerCase = new Map<string, string>([...PARAM_KEYS, ...VIEW_KEYS].map((key) => [key.toLowerCase(), key]));
  const out = new URLSearchParams();
  for (const [key, value] of query) {
    const known = (PARAM_KEYS as string[]).includes(key) || (VIEW_KEYS as string[]).includes(key);
    out.set(known ? key : (byLowerCase.get(key.toLowerCase()) ?? key), value);
  }
  return out;
}
