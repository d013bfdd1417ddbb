/** A Deep RFM layer's six collapse measures under the keys of the CLI's JSON (nc1_X, ... nc2_next). */
import type { DeepLayerRecord } from './deepTypes';

export const COLLAPSE_KEYS = ['nc1_X', 'nc1_sqrtM_X', 'nc1_next', 'nc2_X', 'nc2_sqrtM_X', 'nc2_next'] as const;
export type CollapseKey = (typeof COLLAPSE_KEYS)[number];
export type CollapseRow = Record<CollapseKey, number>;

export function collapseRow(record: DeepLayerRecord): CollapseRow {
  const { X, sqrtM_X, next } = record.collapse;
  return {
    nc1_X: X.nc1,
    nc1_sqrtM_X: sqrtM_X.nc1,
    nc1_next: next.nc1,
    nc2_X: X.nc2,
    nc2_sqrtM_X: sqrtM_X.nc2,
    nc2_next: next.nc2,
  };
}
