/**
 * The range input that picks which recorded step a panel shows: M's iteration, the lin-RFM iteration,
 * the network's epoch. The last step means "follow the run" (null), so a running chart keeps moving
 * until the reader scrubs back.
 */
export interface IterationScrubberProps {
  /** The input's accessible name: 'iteration shown'. */
  label: string;
  testId: string;
  /** data-testid of the text beside it. */
  textTestId?: string;
  /** How many steps are recorded. */
  count: number;
  /** The index shown (clamped to 0 when there is none). */
  shown: number;
  /** What is shown, in words: 'iteration 3'. */
  text: string;
  /** The chosen index, or null for the latest. */
  onSelect: (index: number | null) => void;
  hidden?: boolean;
}

export function IterationScrubber({
  label,
  testId,
  textTestId,
  count,
  shown,
  text,
  onSelect,
  hidden,
}: IterationScrubberProps) {
  const last = Math.max(count - 1, 0);
  return (
    <div className="scrubber" hidden={hidden}>
      <input
        type="range"
        aria-label={label}
        data-testid={testId}
        min={0}
        max={last}
        value={Math.min(Math.max(shown, 0), last)}
        disabled={count < 2}
        onChange={(e) => {
          const index = Number(e.target.value);
          onSelect(index === last ? null : index);
        }}
      />
      <span data-testid={textTestId}>{text}</span>
    </div>
  );
}

/** The scrubber's text for a kernel-RFM iteration record (or none yet): iteration 0 is the M = I baseline. */
export function rfmIterationText(shown: { iteration: number } | undefined | null): string {
  if (!shown) return 'no iterations yet';
  return `iteration ${shown.iteration}${shown.iteration === 0 ? ' (M = I, baseline)' : ''}`;
}
