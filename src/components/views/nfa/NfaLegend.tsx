/**
 * The NFA chart's legend, in two labelled groups (what the ansatz claims, the controls it must beat), one
 * line each with its swatch and its value at the last epoch beside epoch 0's: six labels that crowded one row
 * above the plot now read as a small table, and the figures the headline used to pack in live here.
 */
import { selectNnRecords } from '../../../store/nnSelectors';
import { useAppStore } from '../../../store/store';
import { CORRELATION_LINES, type CorrelationLine } from './nfaChartData';

const two = (v: number | null | undefined) =>
  v === null || v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(2);

const GROUPS = [
  { group: 'claim', title: 'The ansatz: the network’s WᵀW against' },
  { group: 'control', title: 'Controls to beat (dashed)' },
] as const;

function Swatch({ line }: { line: CorrelationLine }) {
  return (
    <svg width="18" height="8" aria-hidden="true">
      <line
        x1="0"
        x2="18"
        y1="4"
        y2="4"
        stroke={line.color}
        strokeWidth="2"
        strokeDasharray={line.dashed ? '5 3' : undefined}
      />
    </svg>
  );
}

export function NfaLegend() {
  const first = useAppStore((s) => selectNnRecords(s)[0] ?? null);
  const last = useAppStore((s) => selectNnRecords(s).at(-1) ?? null);
  return (
    <div className="nfa-legend" data-testid="nfa-legend">
      {GROUPS.map(({ group, title }) => (
        <div key={group} role="group" aria-label={title} className="nfa-legend-group">
          <span className="nfa-legend-title">{title}</span>
          <ul>
            {CORRELATION_LINES.filter((line) => line.group === group).map((line) => (
              <li key={line.id} data-series={line.id}>
                <Swatch line={line} />
                <span className="nfa-legend-label">{line.label}</span>
                <span className="nfa-legend-value" data-testid={`nfa-legend-${line.id}`}>
                  {last ? `${two(line.value(last))} (epoch 0: ${two(first ? line.value(first) : null)})` : '–'}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
