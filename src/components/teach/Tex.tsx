/**
 * A formula typeset by KaTeX. KaTeX (and its CSS and fonts) is a separate chunk loaded only when a formula
 * comes near the screen, so the initial bundle does not carry it; until then the TeX source shows as
 * code. KaTeX's output includes MathML, which screen readers read.
 */
import { useEffect, useRef, useState } from 'react';

type Katex = typeof import('katex').default;
let katexPromise: Promise<Katex> | null = null;

function loadKatex(): Promise<Katex> {
  katexPromise ??= Promise.all([import('katex'), import('katex/dist/katex.min.css')]).then(([m]) => m.default);
  return katexPromise;
}

export function Tex({ children, block = false }: { children: string; block?: boolean }) {
  const ref = useRef<HTMLSpanElement>(null);
  const [html, setHtml] = useState<string | null>(null);
  useEffect(() => {
    const node = ref.current;
    if (!node) return;
    let cancelled = false;
    const render = () =>
      void loadKatex().then((katex) => {
        if (!cancelled) setHtml(katex.renderToString(children, { displayMode: block, throwOnError: false }));
      });
    if (typeof IntersectionObserver === 'undefined') {
      render();
      return () => void (cancelled = true);
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          observer.disconnect();
          render();
        }
      },
      { rootMargin: '600px' },
    );
    observer.observe(node);
    return () => {
      cancelled = true;
      observer.disconnect();
    };
  }, [children, block]);
  const className = block ? 'tex tex-block' : 'tex';
  // A displayed formula wider than its column scrolls sideways: it is then a focusable, named group, so
  // that a keyboard can scroll it (axe: scrollable-region-focusable).
  const scroller = block ? ({ role: 'group', 'aria-label': 'formula', tabIndex: 0 } as const) : {};
  return html === null ? (
    <span ref={ref} className={className} {...scroller}>
      <code>{children}</code>
    </span>
  ) : (
    <span ref={ref} className={className} {...scroller} dangerouslySetInnerHTML={{ __html: html }} />
  );
}
