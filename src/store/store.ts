/** One zustand store made of slices (params, run, view, assets, results typed by the job, the network's shown record, kept runs). */
import { create } from 'zustand';
import { createAssetsSlice, type AssetsSlice } from './assetsSlice';
import { createNnSlice, type NnSlice } from './nnSlice';
import { createParamsSlice, type ParamsSlice } from './paramsSlice';
import { createResultsSlice, type ResultsSlice } from './resultsSlice';
import { createRunSlice, type RunSlice } from './runSlice';
import { createRunsSlice, type RunsSlice } from './runsSlice';
import { createTreeSlice, type TreeSlice } from './treeSlice';
import { createViewSlice, type ViewSlice } from './viewSlice';

export type AppState = ParamsSlice &
  RunSlice &
  ViewSlice &
  AssetsSlice &
  NnSlice &
  ResultsSlice &
  RunsSlice &
  TreeSlice;

export const useAppStore = create<AppState>()((...a) => ({
  ...createParamsSlice(...a),
  ...createRunSlice(...a),
  ...createViewSlice(...a),
  ...createAssetsSlice(...a),
  ...createNnSlice(...a),
  ...createResultsSlice(...a),
  ...createRunsSlice(...a),
  ...createTreeSlice(...a),
}));
