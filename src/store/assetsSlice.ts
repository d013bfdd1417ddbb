/**
 * What the user brought: an uploaded CSV, pasted text. Kept in memory (never in the URL), and kept when
 * a later upload fails, so nothing the user made is lost by a bad file.
 */
import type { StateCreator } from 'zustand';
import type { DataAssets } from '../data/sources/source';
import type { AppState } from './store';

export interface AssetsSlice {
  assets: DataAssets;
  /** The last problem with something the user brought (a malformed CSV, say), shown beside the upload. */
  assetError: string | null;
  setCsv: (csv: { name: string; text: string; rows?: number }) => void;
  setCustomText: (text: string) => void;
  setAssetError: (message: string | null) => void;
}

export const createAssetsSlice: StateCreator<AppState, [], [], AssetsSlice> = (set) => ({
  assets: {},
  assetError: null,
  setCsv: (csv) => set((s) => ({ assets: { ...s.assets, csv }, assetError: null })),
  setCustomText: (text) => set((s) => ({ assets: { ...s.assets, text }, assetError: null })),
  setAssetError: (message) => set({ assetError: message }),
});
