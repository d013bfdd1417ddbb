/** One click per experiment of the papers; the caption says what to look for. */
import { PRESETS } from '../params/presets';
import { PRESET_NAMES } from '../params/schema';
import { useAppStore } from '../store/store';

export function PresetPicker() {
  const current = useAppStore((s) => s.params.preset);
  const applyPreset = useAppStore((s) => s.applyPreset);
  return (
    <nav className="presets" aria-label="experiments">
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

export function PresetCaption() {
  const preset = useAppStore((s) => s.params.preset);
  return (
    <p className="preset-caption" data-testid="preset-caption">
      {PRESETS[preset].caption}
    </p>
  );
}
