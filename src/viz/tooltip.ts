/**
 * The hover tooltip both charts use: one absolutely positioned element inside the chart's root, created
 * once and shown, moved and hidden (never re-created per move). Its text is plain text, never HTML, so
 * feature labels from a user's CSV cannot inject markup.
 *
 *   const tooltip = createTooltip(root, 'heatmap-tooltip');
 *   tooltip.show(['M[x3, x7] = 0.0123'], x, y); // x, y in px relative to root
 *   tooltip.hide();
 */

export interface Tooltip {
  readonly element: HTMLDivElement;
  /** Show `lines` (the first is the headline) near point (x, y) of the root, kept inside the root. */
  show(lines: readonly string[], x: number, y: number): void;
  hide(): void;
}

/** Gap between the pointer and the tooltip, px. */
const OFFSET = 12;

export function createTooltip(root: HTMLElement, testId: string): Tooltip {
  const element = document.createElement('div');
  element.className = 'rfm-viz-tooltip';
  element.dataset.testid = testId;
  element.setAttribute('role', 'status');
  element.hidden = true;
  root.appendChild(element);

  return {
    element,
    show(lines, x, y) {
      element.replaceChildren(
        ...lines.map((line, k) => {
          const div = document.createElement('div');
          if (k === 0) div.className = 'rfm-viz-tooltip-title';
          div.textContent = line;
          return div;
        }),
      );
      element.hidden = false;
      // Flip to the other side of the pointer where the tooltip would overflow the root.
      const rootWidth = root.clientWidth;
      const rootHeight = root.clientHeight;
      const { offsetWidth: width, offsetHeight: height } = element;
      const left = x + OFFSET + width > rootWidth ? Math.max(0, x - OFFSET - width) : x + OFFSET;
      const top = y + OFFSET + height > rootHeight ? Math.max(0, y - OFFSET - height) : y + OFFSET;
      element.style.left = `${left}px`;
      element.style.top = `${top}px`;
    },
    hide() {
      element.hidden = true;
    },
  };
}
