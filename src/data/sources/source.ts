/**
 * The one interface every data source implements (like d3's curve/ folder: interchangeable strategies,
 * one file each). A source turns the run's parameters, and whatever the user brought (an uploaded CSV,
 * pasted text), into the engine's Dataset in one pass, and describes itself (task, planned size, panels,
 * controls). Sources are registered by the value of the `data` parameter in ./registry.ts; adding one is a
 * file here and one line there (plus its name in the schema).
 */
import type { Dataset } from '../../core/types';
import type { ParamKey, Params } from '../../params/schema';
import type { DataAssets } from '../../protocol/messages';
import { maxTableRows } from '../table/csvHeader';
import type { TabularOptions } from '../table/tableDataset';

export type { DataAssets } from '../../protocol/messages';

/**
 * The panels a source adds to an RFM run's own (M, error, spectrum, table), by the panel's short name
 * (params/view.ts PANEL_NAMES); the values are panel kinds (components/panels/panelKinds.ts).
 */
export interface SourcePanels {
  /** Default: the classification accuracy chart when the task is classification. */
  accuracy?: 'grokkingAccuracy';
  ab?: 'ab';
  circulant?: 'circulant';
  features?: 'featureImportance' | 'imageViews' | 'textFeatures';
  text?: 'textComparison';
  prompt?: 'prompt';
  /** The learned function over one or two input coordinates (plain vector inputs only). */
  predictor?: 'predictor';
}

/**
 * One control of the Data section: a parameter's own control (a number, choice or flag: its kind comes
 * from the schema), or a group a view draws for the source (the target expression, the modular operation
 * and modulus, the text corpus, a table's target column, the CSV upload).
 */
export type SourceControl = { param: ParamKey } | { group: 'expression' | 'modular' | 'text' | 'target' | 'csvUpload' };

/** A table's columns when the source fixes them (Boston, Iris); a CSV's come from its header. */
export interface SourceColumns {
  names: readonly string[];
  /** The target column when params.target is empty. */
  target: string;
}

/**
 * A data source describes itself: what it fits, what the parameters alone tell about its size, which
 * panels and controls it brings, and what the user must provide. descriptors.ts holds one per source;
 * the store, the views, the engine and the exports ask it (sourceOf).
 */
export interface SourceDescriptor {
  /** What the RFM fits on it: a regression target or classes (one-hot outputs). */
  task(params: Params): 'regression' | 'classification';
  /**
   * The side of M before the worker has reported a record, where the parameters alone fix it (generated
   * data, so the M panel can draw M = I at once); null where only the loaded data can tell.
   */
  plannedDimension(params: Params): number | null;
  /**
   * Training rows the parameters (and the checked file) promise, so the page can plan an AGOP tree
   * (docs/trees.md) when they exceed the leaf size; absent or null: small enough for one kernel.
   */
  plannedTrainRows?(params: Params, assets: DataAssets): number | null;
  panels: SourcePanels;
  /** The Data section's controls for it, in order (the seed and the sweep follow for every source). */
  controls: readonly SourceControl[];
  /** Fixed table columns (a target picker lists them), if any. */
  columns?: SourceColumns;
  /** What the user must bring before a run can start (an uploaded CSV, a custom corpus), or null. */
  needs(params: Params): keyof DataAssets | null;
  /**
   * How Deep RFM (docs/deeprfm.md) takes the source's points with class labels: 'balancedDigits', n / 10
   * images of each digit (seeded, as the float64 reference draws them); 'tableRows', the table's rows as a
   * classification, up to n. Absent: the source has no class labels Deep RFM can use.
   */
  labelledPoints?: 'balancedDigits' | 'tableRows';
  /**
   * What the caption measures a run on it against (components/teach/runStory.ts): 'kernel', the plain kernel
   * (iteration 0); 'grokking', test accuracy's late jump; 'ngram', the bigram and trigram models of the text.
   */
  story: SourceStory;
  /**
   * The data parameters its builder reads: a run's exports name only these (./applies.ts), so a CSV run's JSON
   * and command carry no synthetic target (expr, d, n) that never shaped its data.
   */
  reads: readonly ParamKey[];
}

export type SourceStory = 'kernel' | 'grokking' | 'ngram';

/** A source's builder, registered by the `data` parameter in registry.ts. */
export interface DataSource {
  /** Builds the data set `params` describe. Bad input throws a DataError with a message for the user. */
  build(params: Params, assets: DataAssets): Promise<Dataset>;
  /**
   * The noiseless target at one input row (its d coordinates start at x[offset]), where the source knows
   * it (a target expression): the predictor panel draws it beside the learned function (docs/predictor.md).
   */
  truth?(params: Params): TargetFunction;
}

/** f(x) for the point whose coordinates start at x[offset]. */
export type TargetFunction = (x: Float32Array, offset: number) => number;

/** The usual controls of generated samples: training and test sizes. */
export const SAMPLE_SIZES: readonly SourceControl[] = [{ param: 'n' }, { param: 'ntest' }];
/** The controls every table shares after its target: task, standardisation and the test share. */
/** The parameters every table's builder reads. */
export const TABLE_READS: readonly ParamKey[] = ['target', 'task', 'std', 'split'];
export const TABLE_CONTROLS: readonly SourceControl[] = [
  { group: 'target' },
  { param: 'task' },
  { param: 'std' },
  { param: 'split' },
];
export const needsNothing = (): null => null;
export const noPlannedDimension = (): null => null;
/** Generated samples: the n parameter is the training rows. */
export const sampleTrainRows = (params: Params): number => params.n;
/** A table's training rows once its test share is held out (data/table/tableDataset.ts splitRows). */
export const tableTrainRows = (rows: number, testShare: number): number =>
  rows - Math.min(rows - 1, Math.max(1, Math.round(rows * testShare)));

/** The tabular options (target, task, standardisation, test share) as the parameters set them. */
export function tabularOptions(params: Params): TabularOptions {
  return {
    target: params.target,
    task: params.task,
    standardise: params.std,
    testShare: params.split,
    seed: params.seed,
    maxRows: maxTableRows(params.leaf),
  };
}
