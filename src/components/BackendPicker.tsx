/** Shows which backend runs the engine (and on what adapter), and lets the user override the choice. */
import { useAppStore } from '../store/store';
import { ChoiceControl } from './controls/ChoiceControl';

export function BackendPicker() {
  const backend = useAppStore((s) => s.backend);
  const error = useAppStore((s) => s.backendError);
  const adapter = backend?.adapter;
  return (
    <div className="backend" data-testid="backend" data-backend={backend?.name ?? ''}>
      <ChoiceControl name="backend" />
      <div className="backend-info">
        {backend ? (
          <>
            running on <strong data-testid="backend-name">{backend.name}</strong>
            {backend.threads !== null && <span>{backend.threads ? ' (threads)' : ' (1 thread)'}</span>}
            <div className="muted" data-testid="backend-reason">
              {backend.reason}
            </div>
            {adapter && (
              <div className="muted" data-testid="backend-adapter">
                GPU adapter:{' '}
                {[adapter.vendor, adapter.architecture, adapter.description].filter(Boolean).join(' ') || 'unnamed'}
                {adapter.isFallback ? ' (software fallback)' : ''}
              </div>
            )}
          </>
        ) : (
          <span className="muted">starting a backend…</span>
        )}
        {error && <div className="field-error">{error}</div>}
      </div>
    </div>
  );
}
