/**
 * Download Python, per kind of run: what the script does (the button's title) and how it is built from the
 * page's state, or, for a kind without a script, why not. Indexed by every JobKind, so a new kind fails to
 * compile until it says which. Every script stands alone (numpy only, the run's data inline) and prints its
 * numbers beside the app's; the builders (export/) load with the first download, not with the page.
 */
import type { DataAssets } from '../../data/sources/source';
import { optionsFromParams } from '../../experiments/options';
import { reproduceCommand } from '../../export/command';
import type { JobKind } from '../../jobs/job';
import type { Params } from '../../params/schema';
import type { Results } from '../../store/results';

/** What a script is built from: the parameters the results were produced with, the data assets, the results. */
export interface ScriptSource {
  params: Params;
  assets: DataAssets;
  results: Results;
}

export interface PythonKind {
  /** The button's title: what the script does, or why this kind has none. */
  title: string;
  /** The script, or null for a kind without one (the button is disabled with the title saying why). */
  script: ((source: ScriptSource) => Promise<string>) | null;
}

const text = ({ params, assets }: ScriptSource) => ({
  description: `preset ${params.preset}`,
  command: reproduceCommand(params, { csv: assets.csv?.name }),
});

async function rfmScript(source: ScriptSource): Promise<string> {
  const { params, assets, results } = source;
  if (results.kind !== 'rfm' && results.kind !== 'rfm+nn') throw new Error('not an RFM run');
  const [{ datasetFromParams }, { pythonScript }] = await Promise.all([
    import('../../data/sources/registry'),
    import('../../export/python'),
  ]);
  // The same data the worker trained on, rebuilt from the same parameters (data/ is deterministic).
  const data = await datasetFromParams(params, assets);
  return pythonScript({
    data,
    options: optionsFromParams(params),
    appTestMse: results.records.map((r) => r.testMse),
    ...text(source),
  });
}

async function sweepScript(source: ScriptSource): Promise<string> {
  const { params, assets, results } = source;
  if (results.kind !== 'sweep') throw new Error('not a sweep');
  const { sweepPython } = await import('../../export/pythonOfRun');
  return sweepPython(params, assets, results.job.sweep, results.points, text(source));
}

async function linRfmScript(source: ScriptSource): Promise<string> {
  const { params, results } = source;
  if (results.kind !== 'linrfm' && results.kind !== 'linrfm-phase') throw new Error('not a lin-RFM run');
  const { linRfmPython } = await import('../../export/pythonOfRun');
  return linRfmPython(params, results.job, results.records, text(source));
}

const RFM_TITLE =
  'A numpy script with the data inline that trains the same RFM and prints every iteration’s test MSE beside the app’s';

export const PYTHON_BY_KIND: Record<JobKind, PythonKind> = {
  rfm: { title: RFM_TITLE, script: rfmScript },
  'rfm+nn': { title: `${RFM_TITLE} (the RFM only, not the network beside it)`, script: rfmScript },
  sweep: {
    title:
      'A numpy script with each point’s data inline that runs the RFM once per swept value and prints each point’s baseline, final and best test MSE beside the app’s',
    script: sweepScript,
  },
  linrfm: {
    title:
      'A numpy script with the problem inline that runs lin-RFM with the same s and iterations and prints the recovery error of every iteration beside the app’s (matrix completion: with the nuclear-norm baseline)',
    script: linRfmScript,
  },
  'linrfm-phase': {
    title:
      'A numpy script with every cell’s problem inline that reruns the phase grid (minutes; --cells picks some) and prints each cell’s lin-RFM and nuclear-norm errors beside the app’s',
    script: linRfmScript,
  },
  'deep-rfm': {
    title: 'Deep RFM has no Python script yet: Copy command reproduces the run with the CLI',
    script: null,
  },
  convrfm: {
    title: 'ConvRFM has no stand-alone Python script yet: Copy command reproduces the run with the CLI',
    script: null,
  },
  catapults: {
    title: 'The catapults sweep (SGD on a network) has no Python script yet: Copy command reproduces it with the CLI',
    script: null,
  },
  tree: {
    title: 'An AGOP tree (one RFM per leaf) has no Python script yet: Copy command reproduces the run with the CLI',
    script: null,
  },
};
