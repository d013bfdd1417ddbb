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

/** Observe `node`'s width; returns the function that stops observing. */
export function observeWidth(node: HTMLElement, onWidth: (width: number) => void): () => void {
  let last = containerWidth(node);
  const check = () => {
    const width = containerWidth(node);
    if (Math.abs(width - last) < 0.5) return;
    last = width;
    onWidth(width);
  };
  if (typeof ResizeObserver === 'undefined') {
    window.addEventListener('resize', check);
    return () => window.removeEventListener('resize', check);
  }
  const observer = new ResizeObserver(check);
  observer.observe(node);
  return () => observer.disconnect();
}
