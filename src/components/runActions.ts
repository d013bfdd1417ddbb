/** Play/pause, step and reset as the buttons and the keyboard shortcuts both do them. */
import { getEngine } from '../engine/engine';
import { selectStepless } from '../store/selectors';
import { useAppStore } from '../store/store';

export function playOrPause(): void {
  const engine = getEngine();
  const { status } = useAppStore.getState();
  if (status === 'running' || status === 'starting') engine.pause();
  else if (status === 'paused') engine.resume();
  else engine.start('play');
}

export function stepOnce(): void {
  const { status } = useAppStore.getState();
  if (selectStepless(useAppStore.getState())) return;
  const engine = getEngine();
  if (status === 'paused') engine.step();
  else if (status !== 'running' && status !== 'starting') engine.start('step');
}

export function resetRun(): void {
  getEngine().reset();
}
