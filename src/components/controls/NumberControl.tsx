/** A slider (linear or log, per the schema) with a typed-in value beside it. */
import { useEffect, useState } from 'react';
import { PARAMS, parseParam, type NumberSpec, type ParamKey, type Params } from '../../params/schema';
import { useAppStore } from '../../store/store';
import { fromSlider, STEPS, toSlider } from './sliderScale';
import { useControlHidden } from './useControlHidden';

export type NumberKey = { [K in ParamKey]: Params[K] extends number ? K : never }[ParamKey];

export function NumberControl({ name, slider = true }: { name: NumberKey; slider?: boolean }) {
  const spec = PARAMS[name] as NumberSpec;
  const value = useAppStore((s) => s.params[name]);
  const setParam = useAppStore((s) => s.setParam);
  const [text, setText] = useState(String(value));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setText(String(value)), [value]);
  const hidden = useControlHidden(name);

  const commit = (raw: string) => {
    try {
      setParam(name, parseParam(name, raw));
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  if (hidden) return null;
  const sliderStep = spec.scale === 'log' ? 1 : spec.integer ? 1 : (spec.max - spec.min) / STEPS;
  return (
    <div className="control" title={spec.help}>
      <label htmlFor={`param-${name}`}>{spec.label}</label>
      <div className="control-row">
        {slider && (
          <input
            type="range"
            aria-label={`${spec.label} slider`}
            data-testid={`slider-${name}`}
            min={spec.scale === 'log' ? 0 : spec.min}
            max={spec.scale === 'log' ? STEPS : spec.max}
            step={sliderStep}
            value={toSlider(spec, value)}
            onChange={(e) => commit(String(fromSlider(spec, Number(e.target.value))))}
          />
        )}
        <input
          id={`param-${name}`}
          data-testid={`param-${name}`}
          className={`number-input${error ? ' invalid' : ''}`}
          value={text}
          inputMode="decimal"
          onChange={(e) => setText(e.target.value)}
          onBlur={(e) => commit(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit((e.target as HTMLInputElement).value);
          }}
        />
      </div>
      {error && (
        <div className="field-error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}
