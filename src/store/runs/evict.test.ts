import { describe, expect, it } from 'vitest';
import { demoRun } from './demoRecords.testing';
import { evictToBudget } from './evict';

const size = () => 100;

describe('evictToBudget', () => {
  it('keeps everything within the budget', () => {
    const runs = [demoRun('a', 1), demoRun('b', 2)];
    expect(evictToBudget(runs, size, 200).evicted).toEqual([]);
  });

  it('evicts the oldest unpinned runs first, and only as many as needed', () => {
    const runs = [demoRun('new', 3), demoRun('old', 1, { pinned: true }), demoRun('mid', 2), demoRun('b', 4)];
    const { kept, evicted } = evictToBudget(runs, size, 250);
    expect(evicted.map((r) => r.id).sort()).toEqual(['mid', 'new']);
    expect(kept.map((r) => r.id)).toEqual(['old', 'b']);
  });

  it('never evicts a pinned run, even past the budget', () => {
    const runs = [demoRun('a', 1, { pinned: true }), demoRun('b', 2, { pinned: true })];
    expect(evictToBudget(runs, size, 50).kept).toHaveLength(2);
  });
});
