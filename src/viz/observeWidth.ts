/**
 * Calls back when a container's width changes, so a chart can re-lay itself out without being
 * re-mounted. Height changes are ignored on purpose: the charts set their own height, and reacting to it
 * would loop.
 *
 *   const stop = observeWidth(node, (width) => layout(width));
 *   stop(); // in destroy()
 */

/** Width used when the container has none yet (detached, or display: none). */
export const FALLBACK_WIDTH = 480;

/** The container's content width in px, or FALLBACK_WIDTH when it has no layout. */
export function containerWidth(node: HTMLElement): number {
  const width = node.clientWidth;
  return width > 0 ? width : FALLBACK_WIDTH;
}

/**
 * Observe `node`'s width; returns the function that stops observing. Charts keep the last width they
 * were given and never read layout while updating: reading clientWidth in an update forces a synchronous
 * layout of the page on every iteration (measured: the main cause of long tasks during training).
 */
export function observeWidth(node: HTMLElement, onWidth: (width: number) => void): () => void {
  let last = containerWidth(node);
  const report = (width: number) => {
    const next = width > 0 ? width : FALLBACK_WIDTH;
    if (Math.abs(next - last) < 0.5) return;
    last = next;
    onWidth(next);
  };
  if (typeof ResizeObserver === 'undefined') {
    const check = () => report(containerWidth(node));
    window.addEventListener('resize', check);
    return () => window.removeEventListener('resize', check);
  }
  // The entry carries the new size: no layout read needed.
  const observer = new ResizeObserver((entries) => {
    const entry = entries.at(-1);
    if (entry) report(entry.contentRect.width);
  });
  observer.observe(node);
  return () => observer.disconnect();
}
