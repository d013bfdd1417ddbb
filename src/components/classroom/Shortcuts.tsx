/**
 * Keyboard shortcuts for driving a demo in front of a class: space play/pause, right arrow one step,
 * R reset, ? this list (a modal dialog; Escape closes it), N / P the walk-through's next and previous
 * step, PageDown / PageUp the next and previous panels in classroom mode. The scrubber takes left/right
 * itself once focused. Keys typed into a field, or with a modifier, are left alone.
 */
import { useEffect, useRef } from 'react';
import { useAppStore } from '../../store/store';
import { playOrPause, resetRun, stepOnce } from '../runActions';

export const SHORTCUTS: readonly [string, string][] = [
  ['Space', 'play / pause'],
  ['→', 'one step (one iteration)'],
  ['R', 'reset'],
  ['← / → on the scrubber', 'show an earlier or later iteration of M'],
  ['N / P', 'walk-through: next / previous step'],
  ['PageDown / PageUp', 'classroom mode: next / previous panels'],
  ['?', 'this list'],
];

/**
 * Keys the focused element needs for itself: every key in a field or a list, space and Enter on a button,
 * a link or a summary (letters and arrows still reach the shortcuts there).
 */
function ownsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return true;
  return ['BUTTON', 'SUMMARY', 'A'].includes(target.tagName) && (key === ' ' || key === 'Enter');
}

export function Shortcuts() {
  const dialog = useRef<HTMLDialogElement>(null);
  const stepWalkthrough = useAppStore((s) => s.stepWalkthrough);
  const turnPanelPage = useAppStore((s) => s.turnPanelPage);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (dialog.current?.open) return;
      const key = event.key;
      if (ownsKey(event.target, event.key)) return;
      if (key === '?') {
        dialog.current?.showModal();
      } else if (key === ' ') {
        playOrPause();
      } else if (key === 'ArrowRight') {
        stepOnce();
      } else if (key === 'r' || key === 'R') {
        resetRun();
      } else if (key === 'n' || key === 'N') {
        stepWalkthrough(1);
      } else if (key === 'p' || key === 'P') {
        stepWalkthrough(-1);
      } else if (key === 'PageDown' && useAppStore.getState().view.classroom) {
        turnPanelPage(1);
      } else if (key === 'PageUp' && useAppStore.getState().view.classroom) {
        turnPanelPage(-1);
      } else {
        return;
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [stepWalkthrough, turnPanelPage]);

  return (
    <>
      <button
        type="button"
        className="view-toggle"
        data-testid="shortcuts-button"
        aria-keyshortcuts="?"
        onClick={() => dialog.current?.showModal()}
      >
        keyboard (?)
      </button>
      <dialog ref={dialog} className="shortcuts" aria-labelledby="shortcuts-title" data-testid="shortcuts-dialog">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <dl>
          {SHORTCUTS.map(([keys, what]) => (
            <div key={keys}>
              <dt>
                <kbd>{keys}</kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
        <form method="dialog">
          <button type="submit" autoFocus>
            close
          </button>
        </form>
      </dialog>
    </>
  );
}
