/** The "hide diagonal" switch of M's heatmaps: one view setting shared by every heatmap of M. */
import { selectHideDiagonal } from '../../store/selectors';
import { useAppStore } from '../../store/store';

export function HideDiagonalToggle({ testId }: { testId: string }) {
  const hideDiagonal = useAppStore(selectHideDiagonal);
  const setHideDiagonal = useAppStore((s) => s.setHideDiagonal);
  return (
    <label className="toggle small">
      <input
        type="checkbox"
        data-testid={testId}
        checked={hideDiagonal}
        onChange={(e) => setHideDiagonal(e.target.checked)}
      />
      hide diagonal
    </label>
  );
}
