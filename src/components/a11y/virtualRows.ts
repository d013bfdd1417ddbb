/**
 * Virtual rows for long tables: only the rows in view (plus a margin) are in the DOM, with spacer rows
 * above and below keeping the scroll height, so a table of thousands of rows costs what a screenful does.
 */

/** Tables with more rows than this are rendered virtually. */
export const VIRTUAL_ROWS_FROM = 200;
/** Estimated height of one row, px (the spacers use it; a row's real height only shifts the margin). */
export const ROW_HEIGHT = 24;

/** The rows [start, end) to render for a scroll position: the visible ones and `overscan` either side. */
export function rowWindow(
  scrollTop: number,
  viewHeight: number,
  total: number,
  rowHeight = ROW_HEIGHT,
  overscan = 20,
): { start: number; end: number } {
  const top = Number.isFinite(scrollTop) ? Math.max(0, scrollTop) : 0;
  const first = Math.floor(top / rowHeight);
  const start = Math.max(0, Math.min(total, first - overscan));
  const end = Math.max(start, Math.min(total, first + Math.ceil(Math.max(0, viewHeight) / rowHeight) + overscan));
  return { start, end };
}
