/**
 * The panels' container. In classroom mode it shows two panels at a time, sized to one screen, with
 * previous / next buttons (and PageUp / PageDown). The panels come from several components (some render
 * more than one), so the pager works on the rendered children: it marks those off the current page with
 * data-paged-out, an attribute React does not manage, and styles.css hides them.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { useAppStore } from '../../store/store';

export const PANELS_PER_PAGE = 2;

export function PanelPager({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const classroom = useAppStore((s) => s.view.classroom);
  const page = useAppStore((s) => s.panelPage);
  const count = useAppStore((s) => s.panelPageCount);
  const setCount = useAppStore((s) => s.setPanelPageCount);
  const turn = useAppStore((s) => s.turnPanelPage);

  useEffect(() => {
    const node = ref.current;
    if (!node) return;
    const apply = () => {
      const panels = Array.from(node.children) as HTMLElement[];
      setCount(Math.max(1, Math.ceil(panels.length / PANELS_PER_PAGE)));
      const current = useAppStore.getState().panelPage;
      // The last page of an odd count shows the panel before its lone one again: two whole panels on every
      // screen, no empty half.
      const start = Math.max(0, Math.min(current * PANELS_PER_PAGE, panels.length - PANELS_PER_PAGE));
      panels.forEach((panel, k) => {
        const out = classroom && (k < start || k >= start + PANELS_PER_PAGE);
        if (out !== panel.hasAttribute('data-paged-out')) panel.toggleAttribute('data-paged-out', out);
      });
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(node, { childList: true });
    return () => observer.disconnect();
  }, [classroom, page, setCount]);

  // Turning a page shows the whole page: the pager and its two panels at the top of the screen.
  const column = useRef<HTMLDivElement>(null);
  const shownPage = useRef(page);
  useEffect(() => {
    if (shownPage.current === page) return;
    shownPage.current = page;
    if (classroom) column.current?.scrollIntoView?.({ block: 'start' });
  }, [classroom, page]);

  return (
    <div ref={column} className="panels-column">
      {classroom && count > 1 && (
        <nav className="panel-pager" aria-label="panels">
          <button type="button" onClick={() => turn(-1)} aria-keyshortcuts="PageUp">
            previous panels
          </button>
          <span data-testid="panel-page">
            panels, page {page + 1} of {count}
          </span>
          <button type="button" data-testid="next-panels" onClick={() => turn(1)} aria-keyshortcuts="PageDown">
            next panels
          </button>
        </nav>
      )}
      <div ref={ref} className="panels" data-classroom={classroom || undefined}>
        {children}
      </div>
    </div>
  );
}
