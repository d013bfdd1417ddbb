/**
 * Deep RFM's data (docs/deeprfm.md): the schema's data sets with class labels (params/deepParams.ts
 * DEEP_DATA_KINDS: digits, Iris, a CSV with a column of labels). The source's own controls follow it.
 */
import { PARAMS } from '../../params/schema';
import { DEEP_DATA_KINDS } from '../../params/deepParams';
import { useAppStore } from '../../store/store';

const WORDS: Record<(typeof DEEP_DATA_KINDS)[number], string> = {
  digits: 'MNIST digits',
  iris: 'Iris',
  csv: 'a CSV with class labels',
};

export function DeepDataChoice() {
  const data = useAppStore((s) => s.params.data);
  const setParam = useAppStore((s) => s.setParam);
  return (
    <div className="control" title="Points with class labels: neural collapse is measured on classes.">
      <label htmlFor="param-data">{PARAMS.data.label}</label>
      <select
        id="param-data"
        data-testid="param-data"
        value={data}
        onChange={(e) => setParam('data', e.target.value as typeof data)}
      >
        {DEEP_DATA_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {WORDS[kind]}
          </option>
        ))}
      </select>
    </div>
  );
}
