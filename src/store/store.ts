/** One zustand store made of slices (params, run, view, assets, the network beside the RFM). */
import { create } from 'zustand';
import { createAssetsSlice, type AssetsSlice } from './assetsSlice';
import { createNnSlice, type NnSlice } from './nnSlice';
import { createParamsSlice, type ParamsSlice } from './paramsSlice';
import { createRunSlice, type RunSlice } from './runSlice';
import { createViewSlice, type ViewSlice } from './viewSlice';

export type AppState = ParamsSlice & RunSlice & ViewSlice & AssetsSlice & NnSlice;

export const useAppStore = create<AppState>()((...a) => ({
  ...createParamsSlice(...a),
  ...createRunSlice(...a),
  ...createViewSlice(...a),
  ...createAssetsSlice(...a),
  ...createNnSlice(...a),
}));
