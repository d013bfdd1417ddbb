/**
 * The view switches in the header: theme (auto follows the system, light, dark) and classroom mode. Both
 * are view settings (params/view.ts), so they travel in the URL (?theme=dark&classroom=1).
 */
import { VIEW_PARAMS } from '../../params/view';
import { useAppStore } from '../../store/store';

export function ViewToggles() {
  const theme = useAppStore((s) => s.view.theme);
  const classroom = useAppStore((s) => s.view.classroom);
  const setView = useAppStore((s) => s.setView);
  return (
    <div className="view-toggles">
      <label className="view-toggle">
        <span>theme</span>
        <select
          data-testid="theme"
          value={theme}
          onChange={(e) => setView({ theme: e.target.value as typeof theme })}
          title={VIEW_PARAMS.theme.help}
        >
          {VIEW_PARAMS.theme.options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="view-toggle"
        data-testid="classroom-toggle"
        aria-pressed={classroom}
        title={VIEW_PARAMS.classroom.help}
        onClick={() => setView({ classroom: !classroom })}
      >
        classroom mode
      </button>
    </div>
  );
}
