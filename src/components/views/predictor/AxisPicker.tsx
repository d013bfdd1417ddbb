/**
 * The two coordinates a slice of the learned function goes through (d > 2); picking the coordinate the
 * other axis shows swaps the two, so the axes always differ.
 */
export function AxisPicker({
  names,
  axes,
  onChange,
}: {
  names: readonly string[];
  axes: [number, number];
  onChange: (axes: [number, number]) => void;
}) {
  const pick = (which: 0 | 1, value: number) => {
    const next: [number, number] = [...axes];
    next[which] = value;
    if (next[0] === next[1]) next[1 - which] = axes[which];
    onChange(next);
  };
  const select = (which: 0 | 1, label: string) => (
    <label>
      {label}{' '}
      <select value={axes[which]} onChange={(e) => pick(which, Number(e.target.value))}>
        {names.map((name, i) => (
          <option key={i} value={i}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="predictor-axes" role="group" aria-label="coordinates of the slice">
      {select(0, 'horizontal')}
      {select(1, 'vertical')}
    </div>
  );
}
