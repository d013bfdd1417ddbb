/**
 * Where the walk-through's step card goes: beside the panel it talks about (right, else left), else just
 * above it, pointing down; in page coordinates, so that it scrolls with the panel. And how far to scroll so
 * that the card and the panel are on screen together.
 */

export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

export interface Placement {
  side: 'right' | 'left' | 'above';
  /** Page coordinates (the card is absolutely positioned in the document). */
  top: number;
  left: number;
}

const GAP = 12;
const MARGIN = 8;

/**
 * `panel` in viewport coordinates (getBoundingClientRect), the card's size, the viewport's width and the
 * page's scroll offsets.
 */
export function placeCard(
  panel: Box,
  card: { width: number; height: number },
  viewportWidth: number,
  scroll: { x: number; y: number },
): Placement {
  const right = panel.left + panel.width;
  if (viewportWidth - right >= card.width + GAP + MARGIN)
    return { side: 'right', top: panel.top + scroll.y, left: right + GAP + scroll.x };
  if (panel.left >= card.width + GAP + MARGIN)
    return { side: 'left', top: panel.top + scroll.y, left: panel.left - GAP - card.width + scroll.x };
  const left = Math.min(Math.max(panel.left, MARGIN), Math.max(MARGIN, viewportWidth - card.width - MARGIN));
  return {
    side: 'above',
    top: Math.max(MARGIN, panel.top + scroll.y - card.height - GAP),
    left: left + scroll.x,
  };
}

/**
 * The page scroll (y) that shows the card and the top of the panel together: unchanged when both are on
 * screen, else the card's top (or the panel's, whichever is higher) a margin below the viewport's top.
 * Page coordinates throughout.
 */
export function scrollFor(
  card: { top: number; height: number },
  panelTop: number,
  panelHeight: number,
  viewport: { y: number; height: number },
): number {
  const top = Math.min(card.top, panelTop);
  // The card and as much of the panel as fits.
  const bottom = Math.min(Math.max(card.top + card.height, panelTop + panelHeight), top + viewport.height - 2 * MARGIN);
  if (top >= viewport.y && bottom <= viewport.y + viewport.height) return viewport.y;
  return Math.max(0, top - MARGIN);
}
