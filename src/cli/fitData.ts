/** The `data` block of `rfm fit`'s JSON: which files, which columns, and the sizes the fit saw. */
import type { Dataset } from '../core/types';
import type { CsvTask } from '../data/table/fromTables';
import type { FitOptions } from './args';

export interface FitDataJson {
  train_file: string;
  test_file: string | null;
  targets: string[];
  task: CsvTask;
  standardised: boolean;
  n_train: number;
  n_test: number;
  d: number;
  c: number;
  feature_names: string[];
  /** The class of each output for classification (the file's labels, as text), else null. */
  class_labels: string[] | null;
}

export function fitDataJson(options: FitOptions, data: Dataset): FitDataJson {
  return {
    train_file: options.train,
    test_file: options.test,
    targets: options.targets,
    task: options.task,
    standardised: options.standardise,
    n_train: data.nTrain,
    n_test: data.nTest,
    d: data.d,
    c: data.c,
    feature_names: data.featureNames ?? [],
    class_labels: data.classLabels ?? null,
  };
}
