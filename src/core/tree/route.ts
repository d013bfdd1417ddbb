/**
 * Routing down the tree: a point goes left where x . direction <= threshold. Growing the tree and routing
 * test points use this one projection (float64 over the float32 inputs), so a training row is always
 * routed to the leaf it was trained in.
 */
import type { TreeNode } from './treeTypes';

/** x[offset .. offset + d) . direction, in float64. */
export function project(x: Float32Array, offset: number, direction: Float64Array): number {
  let s = 0;
  for (let k = 0; k < direction.length; k++) s += x[offset + k]! * direction[k]!;
  return s;
}

/** The leaf index of the point x[offset .. offset + d). */
export function routePoint(root: TreeNode, x: Float32Array, offset: number): number {
  let node = root;
  while (node.kind === 'split') node = project(x, offset, node.direction) <= node.threshold ? node.left : node.right;
  return node.leaf;
}

/** The rows of x [n, d] that reach each of the tree's `leaves` leaves, in row order. */
export function routeRows(root: TreeNode, x: Float32Array, n: number, d: number, leaves: number): Int32Array[] {
  const counts = new Int32Array(leaves);
  const leafOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const leaf = routePoint(root, x, i * d);
    leafOf[i] = leaf;
    counts[leaf]!++;
  }
  const rows = Array.from(counts, (count) => new Int32Array(count));
  const filled = new Int32Array(leaves);
  for (let i = 0; i < n; i++) {
    const leaf = leafOf[i]!;
    rows[leaf]![filled[leaf]!++] = i;
  }
  return rows;
}
