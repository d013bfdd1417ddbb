/**
 * What each data source implies, in one table keyed by the `data` parameter (docs/architecture.md): its
 * task, the side of M the parameters fix, the panels it brings, its Data controls, fixed table columns,
 * what the user must bring and the data parameters it reads. The one place the page, the store, the engine and
 * the exports learn them from (sourceOf); the sources' builders (registry.ts) stay in lazy chunks on the page, so this file imports
 * nothing heavier than the built-in tables' column names.
 */
import type { DataKind } from '../../params/schema';
import { BOSTON_COLUMNS, BOSTON_TARGET, IRIS_COLUMNS, IRIS_TARGET } from '../builtin/columns';
import {
  SAMPLE_SIZES,
  TABLE_CONTROLS,
  TABLE_READS,
  needsNothing,
  noPlannedDimension,
  sampleTrainRows,
  tableTrainRows,
  type SourceDescriptor,
} from './source';

export const SOURCES: { readonly [K in DataKind]: SourceDescriptor } = {
  synthetic: {
    task: () => 'regression',
    plannedDimension: (params) => params.d,
    plannedTrainRows: sampleTrainRows,
    panels: { predictor: 'predictor' },
    controls: [{ group: 'expression' }, { param: 'd' }, ...SAMPLE_SIZES, { param: 'dist' }, { param: 'noise' }],
    needs: needsNothing,
    reads: ['expr', 'd', 'n', 'ntest', 'dist', 'noise'],
    story: 'kernel',
  },
  lowrank: {
    task: () => 'regression',
    plannedDimension: (params) => params.d,
    plannedTrainRows: sampleTrainRows,
    panels: { predictor: 'predictor' },
    controls: [{ param: 'd' }, ...SAMPLE_SIZES],
    needs: needsNothing,
    reads: ['d', 'n', 'ntest'],
    story: 'kernel',
  },
  modular: {
    task: () => 'classification',
    // Inputs are one-hot a and b: 2p coordinates.
    plannedDimension: (params) => 2 * params.p,
    panels: { accuracy: 'grokkingAccuracy', ab: 'ab', circulant: 'circulant' },
    controls: [{ group: 'modular' }],
    needs: needsNothing,
    reads: ['p', 'op', 'frac'],
    story: 'grokking',
  },
  text: {
    task: () => 'classification',
    plannedDimension: noPlannedDimension,
    panels: { features: 'textFeatures', text: 'textComparison', prompt: 'prompt' },
    controls: [{ group: 'text' }],
    needs: (params) => (params.corpus === 'custom' ? 'text' : null),
    reads: ['corpus', 'k', 'n', 'ntest'],
    story: 'ngram',
  },
  csv: {
    task: (params) => params.task,
    plannedDimension: noPlannedDimension,
    plannedTrainRows: (params, assets) =>
      assets.csv?.rows === undefined ? null : tableTrainRows(assets.csv.rows, params.split),
    panels: { features: 'featureImportance', predictor: 'predictor' },
    controls: [{ group: 'csvUpload' }, ...TABLE_CONTROLS],
    needs: () => 'csv',
    labelledPoints: 'tableRows',
    reads: TABLE_READS,
    story: 'kernel',
  },
  boston: {
    task: (params) => params.task,
    plannedDimension: noPlannedDimension,
    panels: { features: 'featureImportance', predictor: 'predictor' },
    controls: TABLE_CONTROLS,
    columns: { names: BOSTON_COLUMNS, target: BOSTON_TARGET },
    needs: needsNothing,
    reads: TABLE_READS,
    story: 'kernel',
  },
  iris: {
    task: () => 'classification',
    plannedDimension: noPlannedDimension,
    panels: { features: 'featureImportance', predictor: 'predictor' },
    controls: TABLE_CONTROLS,
    columns: { names: IRIS_COLUMNS, target: IRIS_TARGET },
    needs: needsNothing,
    labelledPoints: 'tableRows',
    reads: TABLE_READS,
    story: 'kernel',
  },
  digits: {
    task: () => 'classification',
    // The side is px², but the loaded images decide (the M panel waits for them).
    plannedDimension: noPlannedDimension,
    panels: { features: 'imageViews' },
    controls: [{ param: 'px' }, ...SAMPLE_SIZES, { param: 'task' }, { param: 'std' }],
    needs: needsNothing,
    labelledPoints: 'balancedDigits',
    reads: ['n', 'ntest', 'px', 'std', 'task'],
    story: 'kernel',
  },
};

/** The descriptor of the source the `data` parameter names. */
export const sourceOf = (data: DataKind): SourceDescriptor => SOURCES[data];

/** The sources whose points Deep RFM can take (their descriptors say how: labelledPoints). */
export const labelledSources = (): DataKind[] =>
  (Object.keys(SOURCES) as DataKind[]).filter((data) => SOURCES[data].labelledPoints !== undefined);
