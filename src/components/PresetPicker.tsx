/** One click per experiment of the papers (one select on a phone); the caption says what to look for. */
import { PRESETS } from '../params/presets';
import { PRESET_NAMES, type PresetName } from '../params/schema';
import { useAppStore } from '../store/store';
import { presetOutcome, presetSetup } from './teach/runStory';
import { selectRecords, selectSweepPoints } from '../store/selectors';

export function PresetPicker() {
  const current = useAppStore((s) => s.params.preset);
  const applyPreset = useAppStore((s) => s.applyPreset);
  return (
    <nav className="presets" aria-label="experiments">
      {/* On a phone the thirteen buttons give way to one select that shows every choice (styles.css). */}
      <label className="preset-select">
        <span>experiment</span>
        <select data-testid="preset-select" value={current} onChange={(e) => applyPreset(e.target.value as PresetName)}>
          {PRESET_NAMES.map((name) => (
            <option key={name} value={name}>
              {PRESETS[name].title}
            </option>
          ))}
        </select>
      </label>
      {PRESET_NAMES.map((name) => (
        <button
          key={name}
          data-testid={`preset-${name}`}
          className={name === current ? 'active' : ''}
          aria-pressed={name === current}
          onClick={() => applyPreset(name)}
        >
          {PRESETS[name].title}
        </button>
      ))}
    </nav>
  );
}

/** The preset's caption in the actual numbers, then what this run shows (runStory.ts). */
export function PresetCaption() {
  const params = useAppStore((s) => s.params);
  // A string: the component re-renders only when the sentence changes.
  const outcome = useAppStore((s) =>
    presetOutcome({
      params: s.params,
      records: selectRecords(s),
      dataset: s.dataset,
      sweepPoints: selectSweepPoints(s),
      finished: s.status === 'finished',
    }),
  );
  return (
    <p className="preset-caption" data-testid="preset-caption">
      {presetSetup(params)}
      {outcome && (
        <>
          {' '}
          <strong data-testid="preset-outcome">{outcome}</strong>
        </>
      )}
    </p>
  );
}
