import { describe, expect, it } from 'vitest';
import { RunControl } from './runControl';

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 5));

describe('RunControl runs side tasks between phases only', () => {
  it('holds a task submitted during a phase until the next checkpoint', async () => {
    const control = new RunControl('play', () => {});
    const log: string[] = [];
    log.push('phase 1 starts');
    control.runBetween(async () => {
      log.push('task');
    });
    await tick(); // the phase goes on (it awaits the backend): the task must not run inside it
    log.push('phase 1 ends');
    await control.checkpoint();
    log.push('phase 2 starts');
    expect(log).toEqual(['phase 1 starts', 'phase 1 ends', 'task', 'phase 2 starts']);
  });

  it('runs a task at once while paused, and stays paused', async () => {
    const control = new RunControl('play', () => {});
    control.pause();
    let resumed = false;
    const waiting = control.checkpoint().then(() => (resumed = true));
    await tick();
    let ran = false;
    control.runBetween(async () => {
      ran = true;
    });
    await tick();
    expect(ran).toBe(true);
    expect(resumed).toBe(false);
    control.resume('play');
    await waiting;
    expect(resumed).toBe(true);
  });
});
