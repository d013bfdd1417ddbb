/** A select for an enum parameter, or a checkbox for a boolean one. */
import { PARAMS, type BooleanSpec, type EnumSpec, type ParamKey, type Params } from '../../params/schema';
import { useAppStore } from '../../store/store';
import { useControlHidden } from './useControlHidden';

export type EnumKey = { [K in ParamKey]: (typeof PARAMS)[K] extends EnumSpec ? K : never }[ParamKey];
export type BooleanKey = { [K in ParamKey]: Params[K] extends boolean ? K : never }[ParamKey];

export function ChoiceControl({ name }: { name: EnumKey }) {
  const spec = PARAMS[name] as EnumSpec;
  const value = useAppStore((s) => s.params[name]);
  const setParam = useAppStore((s) => s.setParam);
  const hidden = useControlHidden(name);
  if (hidden) return null;
  return (
    <div className="control" title={spec.help}>
      <label htmlFor={`param-${name}`}>{spec.label}</label>
      <select
        id={`param-${name}`}
        data-testid={`param-${name}`}
        value={value}
        onChange={(e) => setParam(name, e.target.value as Params[typeof name])}
      >
        {spec.options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    </div>
  );
}

export function ToggleControl({ name }: { name: BooleanKey }) {
  const spec = PARAMS[name] as BooleanSpec;
  const value = useAppStore((s) => s.params[name]);
  const setParam = useAppStore((s) => s.setParam);
  const hidden = useControlHidden(name);
  if (hidden) return null;
  return (
    <label className="control toggle" title={spec.help}>
      <input
        type="checkbox"
        data-testid={`param-${name}`}
        checked={value}
        onChange={(e) => setParam(name, e.target.checked)}
      />
      {spec.label}
    </label>
  );
}
