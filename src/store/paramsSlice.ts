/** The experiment's parameters (the only state that reaches the URL). */
import type { StateCreator } from 'zustand';
import { presetParams } from '../params/presets';
import { defaultParams, type ParamKey, type Params, type PresetName } from '../params/schema';
import type { AppState } from './store';

export interface ParamsSlice {
  params: Params;
  /** Problems found while reading the URL at start-up, shown once. */
  paramProblems: string[];
  setParam: <K extends ParamKey>(key: K, value: Params[K]) => void;
  replaceParams: (params: Params, problems?: string[]) => void;
  /**
   * Resets every parameter to the preset's values (and the view to its defaults for that data), except the
   * backend: that is the user's choice of machine, not part of the experiment.
   */
  applyPreset: (name: PresetName) => void;
}

export const createParamsSlice: StateCreator<AppState, [], [], ParamsSlice> = (set) => ({
  params: defaultParams(),
  paramProblems: [],
  setParam: (key, value) => set((s) => (s.params[key] === value ? s : { params: { ...s.params, [key]: value } })),
  replaceParams: (params, problems = []) => set({ params, paramProblems: problems }),
  applyPreset: (name) =>
    set((s) => ({
      params: { ...presetParams(name), backend: s.params.backend },
      hideDiagonal: null,
      discreteLogOrder: false,
      selectedIteration: null,
    })),
});
