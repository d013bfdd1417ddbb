/**
 * Training that follows the screen, like a figure in an article: the first run starts once the backend is
 * ready and at least half of the element is on screen (or it fills half the screen, for one taller than
 * that), and a run pauses when the element leaves the screen and resumes when it comes back. A pause the
 * reader chose is left alone.
 */
import { useEffect, type RefObject } from 'react';
import { getEngine } from '../../engine/engine';
import { missingAsset } from '../../store/selectors';
import { useAppStore, type AppState } from '../../store/store';

const THRESHOLDS = Array.from({ length: 11 }, (_, k) => k / 10);

/** Whether a run can start: a source that needs the user's file or text waits for it. */
const canStart = (s: AppState) => s.backend !== null && missingAsset(s.params, s.assets) === null;

export function useVisibilityRun(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const node = ref.current;
    if (!node) return;
    const engine = getEngine();
    let visible = false;
    let started = false;
    let pausedByScroll = false;

    const startIfDue = (s: AppState) => {
      if (s.status !== 'idle') started = true;
      if (!visible || started || !canStart(s)) return;
      started = true;
      engine.start('play');
    };
    const onVisibility = (entry: IntersectionObserverEntry) => {
      const halfOfScreen = entry.intersectionRect.height >= (entry.rootBounds?.height ?? Infinity) / 2;
      const nowVisible = entry.intersectionRatio >= 0.5 || (entry.isIntersecting && halfOfScreen);
      const s = useAppStore.getState();
      if (nowVisible && !visible) {
        visible = true;
        if (pausedByScroll && s.status === 'paused') engine.resume();
        pausedByScroll = false;
        startIfDue(s);
      } else if (!entry.isIntersecting && visible) {
        visible = false;
        if (s.status === 'running' || s.status === 'starting') {
          pausedByScroll = true;
          engine.pause();
        }
      }
    };
    const observer = new IntersectionObserver((entries) => entries.forEach(onVisibility), {
      threshold: THRESHOLDS,
    });
    observer.observe(node);
    const unsubscribe = useAppStore.subscribe(startIfDue);
    return () => {
      observer.disconnect();
      unsubscribe();
    };
  }, [ref]);
}
