/**
 * How M's heatmap is read: its colour scale (linear, symmetric log, correlation), the top-k coordinates
 * block for large d, and, for structured inputs, links to the views that lay M out by that structure.
 */
import { MATRIX_SCALES, type MatrixScale } from '../../viz/matrixScale';
import { useAppStore } from '../../store/store';
import { HideDiagonalToggle } from './HideDiagonalToggle';
import './matrixView.css';

const SCALE_NAMES: Record<MatrixScale, string> = {
  linear: 'linear',
  symlog: 'symmetric log',
  corr: 'normalised (M_ij / √(M_ii M_jj))',
};
const TOP_K_CHOICES = [5, 10, 20, 50];
const TOP_K_FROM_D = 30;

/** Structured views of M by data layout: the panel's accessible name and what the link says. */
const STRUCTURED_VIEWS: Record<string, { panel: string; text: string }> = {
  text: { panel: 'what the model reads', text: 'M as position × character' },
  modular: { panel: 'a-b block of M', text: 'M’s a-b block' },
  image: { panel: 'feature matrix as images', text: 'M as images' },
};

export function MatrixViewControls({ d }: { d: number }) {
  const mscale = useAppStore((s) => s.view.mscale);
  const topk = useAppStore((s) => s.view.topk);
  const setMatrixScale = useAppStore((s) => s.setMatrixScale);
  const setTopK = useAppStore((s) => s.setTopK);
  const layout = useAppStore((s) => s.dataset?.layout.kind ?? null);
  const structured = layout ? STRUCTURED_VIEWS[layout] : undefined;
  // The top-k block is for M too large to read whole (above the size where every feature is labelled).
  const choices = d > TOP_K_FROM_D ? TOP_K_CHOICES.filter((k) => k < d) : [];
  return (
    <div className="matrix-view-controls">
      <label className="small">
        colour scale{' '}
        <select
          aria-label="colour scale"
          value={mscale}
          onChange={(e) => setMatrixScale(e.target.value as MatrixScale)}
        >
          {MATRIX_SCALES.map((scale) => (
            <option key={scale} value={scale}>
              {SCALE_NAMES[scale]}
            </option>
          ))}
        </select>
      </label>
      {(choices.length > 0 || topk > 0) && (
        <label className="small">
          show{' '}
          <select aria-label="coordinates shown" value={topk} onChange={(e) => setTopK(Number(e.target.value))}>
            <option value={0}>all {d} coordinates</option>
            {(choices.includes(topk) || topk === 0 ? choices : [...choices, topk]).map((k) => (
              <option key={k} value={k}>
                top {k} coordinates
              </option>
            ))}
          </select>
        </label>
      )}
      <HideDiagonalToggle testId="hide-diagonal" />
      {structured && (
        <button type="button" className="link-button small" onClick={() => showPanel(structured.panel)}>
          {structured.text}
        </button>
      )}
    </div>
  );
}

/** Scrolls the named panel into view and moves focus there, so keyboard users land on it too. */
function showPanel(name: string): void {
  const panel = document.querySelector<HTMLElement>(`section[aria-label="${name}"]`);
  if (!panel) return;
  panel.tabIndex = -1;
  panel.scrollIntoView({ behavior: 'smooth', block: 'start' });
  panel.focus({ preventScroll: true });
}
