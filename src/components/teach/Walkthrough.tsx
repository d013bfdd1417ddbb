/**
 * The guided walk-through of the current preset (walkthroughs.ts): a start button, then one step at a time
 * in a polite live region, with the panel it talks about outlined and scrolled into view.
 */
import { useEffect } from 'react';
import { useAppStore } from '../../store/store';
import { PANELS_PER_PAGE } from '../classroom/PanelPager';
import { WALKTHROUGHS } from './walkthroughs';

export function Walkthrough() {
  const preset = useAppStore((s) => s.params.preset);
  const walkthrough = useAppStore((s) => s.walkthrough);
  const start = useAppStore((s) => s.startWalkthrough);
  const stop = useAppStore((s) => s.stopWalkthrough);
  const step = useAppStore((s) => s.stepWalkthrough);
  const showPanelPage = useAppStore((s) => s.showPanelPage);
  const steps = WALKTHROUGHS[preset];
  const current = walkthrough && steps ? steps[Math.min(walkthrough.step, steps.length - 1)] : undefined;

  useEffect(() => {
    if (!current) return;
    const target = document.querySelector<HTMLElement>(`section[aria-label="${current.panel}"]`);
    if (!target) return;
    // In classroom mode the panel may be on another page of the pager: turn to it.
    const slot = target.closest<HTMLElement>('.panels > *');
    const siblings = slot?.parentElement ? Array.from(slot.parentElement.children) : [];
    if (slot && siblings.length > 0) showPanelPage(Math.floor(siblings.indexOf(slot) / PANELS_PER_PAGE));
    target.dataset.highlight = 'true';
    target.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
    return () => void delete target.dataset.highlight;
  }, [current, showPanelPage]);

  // A walk-through belongs to its preset: choosing another one ends it.
  useEffect(() => stop, [preset, stop]);

  if (!steps) return null;
  if (!walkthrough || !current) {
    return (
      <button
        type="button"
        className="walkthrough-start"
        data-testid="walkthrough-start"
        onClick={() => start(steps.length)}
      >
        Start the walk-through
      </button>
    );
  }
  return (
    <section className="walkthrough" aria-label="walk-through" data-testid="walkthrough">
      <p aria-live="polite" data-testid="walkthrough-text">
        <strong>
          Step {walkthrough.step + 1} of {walkthrough.length}:
        </strong>{' '}
        {current.text}
      </p>
      <div className="walkthrough-buttons">
        <button type="button" onClick={() => step(-1)} disabled={walkthrough.step === 0} aria-keyshortcuts="P">
          previous (P)
        </button>
        <button
          type="button"
          data-testid="walkthrough-next"
          onClick={() => step(1)}
          disabled={walkthrough.step === walkthrough.length - 1}
          aria-keyshortcuts="N"
        >
          next (N)
        </button>
        <button type="button" onClick={stop}>
          end
        </button>
      </div>
    </section>
  );
}
