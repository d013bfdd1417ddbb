import { describe, expect, it } from 'vitest';
import { selectRunState } from './selectors';
import { useAppStore } from './store';

describe('selectRunState', () => {
  it('reads a starting run as running and a cancelled one as idle', () => {
    const state = useAppStore.getState();
    expect(selectRunState({ ...state, status: 'starting' })).toBe('running');
    expect(selectRunState({ ...state, status: 'cancelled' })).toBe('idle');
  });

  it('passes the other statuses through', () => {
    const state = useAppStore.getState();
    for (const status of ['idle', 'running', 'paused', 'finished', 'failed'] as const)
      expect(selectRunState({ ...state, status })).toBe(status);
  });
});
