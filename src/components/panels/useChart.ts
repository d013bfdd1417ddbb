/**
 * Mounts a d3 chart factory once and feeds it from the store through a subscription, so fast-changing
 * data (records, the scrubbed M) updates the chart without a React render per iteration.
 */
import { useEffect, useRef } from 'react';
import { useAppStore, type AppState } from '../../store/store';
import { cancelChartUpdate, scheduleChartUpdate } from './chartScheduler';

interface Chart<D> {
  update(data: D): void;
  destroy(): void;
}

export function useChart<D, K>(
  create: (node: HTMLElement) => Chart<D>,
  /** The part of the state the chart depends on; the chart updates when it changes (shallowly). */
  pick: (state: AppState) => K,
  toData: (picked: K) => D | null,
) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const node = ref.current;
    if (!node) return;
    const chart = create(node);
    let last: K | undefined;
    const render = (state: AppState) => {
      const picked = pick(state);
      if (last !== undefined && shallowEqual(picked, last)) return;
      last = picked;
      scheduleChartUpdate(chart, () => {
        const data = toData(picked);
        if (data) chart.update(data);
      });
    };
    render(useAppStore.getState());
    const unsubscribe = useAppStore.subscribe(render);
    return () => {
      unsubscribe();
      cancelChartUpdate(chart);
      chart.destroy();
    };
    // The factory and selectors are module-level constants at every call site.
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  return ref;
}

function shallowEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
