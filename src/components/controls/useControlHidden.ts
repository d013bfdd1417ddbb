/** Whether the link's `hide=` list names this parameter's control (by key or alias): it is then not drawn. */
import type { ParamKey } from '../../params/schema';
import { hidesControl } from '../../params/view';
import { useAppStore } from '../../store/store';

export function useControlHidden(key: ParamKey): boolean {
  return useAppStore((s) => hidesControl(s.view.hide, key));
}
