/**
 * What the parameters mean for an AGOP tree (docs/trees.md): the leaf size from the schema's `leaf`, the
 * split RFM's sample and updates at the engine's defaults. The worker and the CLI both call it.
 */
import { DEFAULT_TREE_OPTIONS, type TreeOptions } from '../core/tree/treeTypes';
import type { Params } from '../params/schema';

export function treeOptionsFromParams(params: Params): TreeOptions {
  return { ...DEFAULT_TREE_OPTIONS, leafSize: params.leaf };
}
