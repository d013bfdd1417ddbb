/**
 * Messages to the page that embeds this one (nothing when there is none): the content height on every
 * size change, `{ type: 'rfm-explorer:resize', height }` (embed.js and <rfm-explorer> size the iframe from
 * it), and the run state, `{ type: 'rfm-explorer:state', state }` (<rfm-explorer> reflects it).
 */
import { useEffect, type RefObject } from 'react';
import type { RunState } from '../../store/selectors';

const post = (message: object) => {
  if (window.parent !== window) window.parent.postMessage(message, '*');
};

export function useHostMessages(ref: RefObject<HTMLElement | null>, runState: RunState): void {
  useEffect(() => {
    const node = ref.current;
    if (!node) return;
    let last = -1;
    const report = () => {
      const height = Math.ceil(node.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      post({ type: 'rfm-explorer:resize', height });
    };
    const observer = new ResizeObserver(report);
    observer.observe(node);
    report();
    return () => observer.disconnect();
  }, [ref]);

  useEffect(() => post({ type: 'rfm-explorer:state', state: runState }), [runState]);
}
