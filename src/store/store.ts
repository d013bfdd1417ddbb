/** One zustand store made of slices (params, run, view, assets, the network beside the RFM, lin-RFM, kept runs). */
import { create } from 'zustand';
import { createAssetsSlice, type AssetsSlice } from './assetsSlice';
import { createNnSlice, type NnSlice } from './nnSlice';
import { createLinRfmSlice, type LinRfmSlice } from './linrfmSlice';
import { createParamsSlice, type ParamsSlice } from './paramsSlice';
import { createRunSlice, type RunSlice } from './runSlice';
import { createRunsSlice, type RunsSlice } from './runsSlice';
import { createViewSlice, type ViewSlice } from './viewSlice';

export type AppState = ParamsSlice & RunSlice & ViewSlice & AssetsSlice & NnSlice & LinRfmSlice & RunsSlice;

export const useAppStore = create<AppState>()((...a) => ({
  ...createParamsSlice(...a),
  ...createRunSlice(...a),
  ...createViewSlice(...a),
  ...createAssetsSlice(...a),
  ...createNnSlice(...a),
  ...createLinRfmSlice(...a),
  ...createRunsSlice(...a),
}));
