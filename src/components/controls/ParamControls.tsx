/**
 * The controls of a list of parameters, in order, each drawn as its kind in the schema asks: a slider with
 * a typed-in value for a number, a select for a choice, a checkbox for a flag. The control groups (model,
 * network, data) list names, not components.
 */
import { PARAMS } from '../../params/schema';
import { ChoiceControl, ToggleControl, type BooleanKey, type EnumKey } from './ChoiceControl';
import { NumberControl, type NumberKey } from './NumberControl';

export type ControlKey = NumberKey | EnumKey | BooleanKey;

export function ParamControl({ name }: { name: ControlKey }) {
  switch (PARAMS[name].kind) {
    case 'number':
      return <NumberControl name={name as NumberKey} />;
    case 'enum':
      return <ChoiceControl name={name as EnumKey} />;
    default:
      return <ToggleControl name={name as BooleanKey} />;
  }
}

export function ParamControls({ names }: { names: readonly ControlKey[] }) {
  return (
    <>
      {names.map((name) => (
        <ParamControl key={name} name={name} />
      ))}
    </>
  );
}
