/**
 * An error boundary around one view (a panel, a kept run's row, the comparison): when drawing it throws (a
 * broken stored run, a chart fed values it cannot draw), that view says what failed and the rest of the app
 * keeps working. It tries again when the run shown changes (a new run, another kept run opened).
 */
import { Component, type ReactNode } from 'react';
import { useAppStore } from '../../store/store';

interface Props {
  /** The view's name in the message, e.g. "the M heatmap". */
  label: string;
  children: ReactNode;
}

class Boundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown) {
    console.error(`RFM Explorer: ${this.props.label} failed`, error);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const message = error.message.length > 200 ? `${error.message.slice(0, 200)}…` : error.message;
    return (
      <div className="view-error" role="alert" data-testid="view-error">
        Could not show {this.props.label} ({message}). The rest of the page still works; open another run or start a new
        one.
      </div>
    );
  }
}

export function ViewBoundary({ label, children }: Props) {
  const shown = useAppStore((s) => `${s.runId}:${s.openRunId ?? ''}`);
  return (
    <Boundary key={shown} label={label}>
      {children}
    </Boundary>
  );
}
