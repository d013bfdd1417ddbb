/**
 * The columns of the built-in tables, known without loading them, so the target picker on the main
 * thread can list them while the data itself stays in lazy chunks. The Boston loader checks its file
 * against its list; Iris's table is built from its list.
 */

/** Boston house prices: the package's column names, upper-cased; MEDV (median home value, $1000s) last. */
export const BOSTON_COLUMNS = [
  'CRIM', 'ZN', 'INDUS', 'CHAS', 'NOX', 'RM', 'AGE', 'DIS', 'RAD', 'TAX', 'PTRATIO', 'B', 'LSTAT', 'MEDV',
] as const; // prettier-ignore
export const BOSTON_TARGET = 'MEDV';

/** Iris: four measurements in cm, then the species (class index). */
export const IRIS_FEATURES = ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'] as const;
export const IRIS_TARGET = 'species';
export const IRIS_COLUMNS = [...IRIS_FEATURES, IRIS_TARGET] as const;
