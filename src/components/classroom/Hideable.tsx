/** A group of controls that the `hide=` view setting can take off the page (like Playground's hide flags). */
import type { ReactNode } from 'react';
import type { ControlGroup } from '../../params/view';
import { useAppStore } from '../../store/store';

export const useHidden = (group: ControlGroup) => useAppStore((s) => s.view.hide.includes(group));

export function Hideable({ group, children }: { group: ControlGroup; children: ReactNode }) {
  return useHidden(group) ? null : <>{children}</>;
}
