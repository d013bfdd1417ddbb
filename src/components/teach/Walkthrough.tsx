/**
 * The guided walk-through of the current preset (walkthroughs.ts): a start button, then one step at a time
 * in a card beside the panel it talks about (walkthroughPlacement.ts), with that panel outlined and both
 * scrolled into view together. Focus moves into the card at each step; Escape ends the walk-through and
 * gives focus back to the start button.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useAppStore } from '../../store/store';
import { PANELS_PER_PAGE } from '../classroom/PanelPager';
import { stepText, WALKTHROUGHS } from './walkthroughs';
import { placeCard, scrollFor, type Placement } from './walkthroughPlacement';
import { selectRecords } from '../../store/selectors';

const reducedMotion = () => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

/** The panel a step points at, turned to in classroom mode's pager. */
function findPanel(name: string, showPanelPage: (page: number) => void): HTMLElement | null {
  const target = document.querySelector<HTMLElement>(`section[aria-label="${name}"]`);
  if (!target) return null;
  const slot = target.closest<HTMLElement>('.panels > *');
  const siblings = slot?.parentElement ? Array.from(slot.parentElement.children) : [];
  if (slot && siblings.length > 0) showPanelPage(Math.floor(siblings.indexOf(slot) / PANELS_PER_PAGE));
  return target;
}

export function Walkthrough() {
  const preset = useAppStore((s) => s.params.preset);
  const walkthrough = useAppStore((s) => s.walkthrough);
  const start = useAppStore((s) => s.startWalkthrough);
  const stop = useAppStore((s) => s.stopWalkthrough);
  const step = useAppStore((s) => s.stepWalkthrough);
  const showPanelPage = useAppStore((s) => s.showPanelPage);
  const status = useAppStore((s) => s.status);
  const records = useAppStore((s) => selectRecords(s).length);
  const planned = useAppStore((s) => s.plannedRecords || s.params.iters + 1);
  const kernel = useAppStore((s) => s.params.kernel);
  const card = useRef<HTMLElement>(null);
  const startButton = useRef<HTMLButtonElement>(null);
  const [placement, setPlacement] = useState<Placement | null>(null);
  const needsFocus = useRef(false);
  const steps = WALKTHROUGHS[preset];
  const index = walkthrough && steps ? Math.min(walkthrough.step, steps.length - 1) : -1;
  const current = steps && index >= 0 ? steps[index] : undefined;
  const active = current !== undefined;

  // Outline the step's panel, put the card beside it, show both, and move focus into the card.
  useLayoutEffect(() => {
    if (!current) return;
    const target = findPanel(current.panel, showPanelPage);
    if (!target) return;
    target.dataset.highlight = 'true';
    let frame = 0;
    let scrolled = false;
    const place = () => {
      const node = card.current;
      if (!node) return;
      const box = target.getBoundingClientRect();
      const next = placeCard(
        box,
        { width: node.offsetWidth, height: node.offsetHeight },
        document.documentElement.clientWidth,
        { x: window.scrollX, y: window.scrollY },
      );
      setPlacement((old) =>
        old && old.top === next.top && old.left === next.left && old.side === next.side ? old : next,
      );
      if (!scrolled) {
        scrolled = true;
        const y = scrollFor({ top: next.top, height: node.offsetHeight }, box.top + window.scrollY, box.height, {
          y: window.scrollY,
          height: window.innerHeight,
        });
        if (y !== window.scrollY) window.scrollTo({ top: y, behavior: reducedMotion() ? 'auto' : 'smooth' });
        // Not placed yet (hidden until then): the effect below focuses it once placed.
        if (node.style.visibility === 'hidden') needsFocus.current = true;
        else node.focus({ preventScroll: true });
      }
    };
    const schedule = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(place);
    };
    schedule();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(schedule);
    observer?.observe(target);
    observer?.observe(document.body);
    if (card.current) observer?.observe(card.current);
    window.addEventListener('resize', schedule);
    return () => {
      cancelAnimationFrame(frame);
      observer?.disconnect();
      window.removeEventListener('resize', schedule);
      delete target.dataset.highlight;
    };
  }, [current, showPanelPage]);

  // Focus moves into the card once it is placed (a hidden card cannot take focus), at every step.
  useEffect(() => {
    if (!placement || !needsFocus.current) return;
    needsFocus.current = false;
    card.current?.focus({ preventScroll: true });
  });

  // Escape ends the walk-through (unless a dialog is open: it takes Escape itself).
  useEffect(() => {
    if (!active) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      stop();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active, stop]);

  // Focus returns to the start button when the walk-through ends.
  const wasActive = useRef(false);
  useEffect(() => {
    if (wasActive.current && !active) startButton.current?.focus({ preventScroll: true });
    wasActive.current = active;
    if (!active) setPlacement(null);
  }, [active]);

  // A walk-through belongs to its preset: choosing another one ends it.
  useEffect(() => stop, [preset, stop]);

  if (!steps) return null;
  const startButtonElement = (
    <button
      ref={startButton}
      type="button"
      className="walkthrough-start"
      data-testid="walkthrough-start"
      aria-expanded={active}
      onClick={() => (active ? stop() : start(steps.length))}
    >
      {active ? 'End the walk-through' : 'Start the walk-through'}
    </button>
  );
  if (!walkthrough || !current) return startButtonElement;
  const text = stepText(current, { status, records, planned, kernel });
  const cardElement = (
    <section
      ref={card}
      className="walkthrough"
      role="dialog"
      aria-modal="false"
      aria-labelledby="walkthrough-title"
      aria-describedby="walkthrough-body"
      data-testid="walkthrough"
      data-side={placement?.side}
      tabIndex={-1}
      style={placement ? { top: placement.top, left: placement.left } : { visibility: 'hidden', top: 0, left: 0 }}
    >
      <p aria-live="polite" data-testid="walkthrough-text">
        <strong id="walkthrough-title">
          Step {walkthrough.step + 1} of {walkthrough.length}:
        </strong>{' '}
        <span id="walkthrough-body">{text}</span>
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
        <button type="button" onClick={stop} aria-keyshortcuts="Escape">
          end (Esc)
        </button>
      </div>
    </section>
  );
  return (
    <>
      {startButtonElement}
      {createPortal(cardElement, document.body)}
    </>
  );
}
