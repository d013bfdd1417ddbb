/** A line chart (viz/lineChart) mounted once and fed from the store: useChart with createLineChart. */
import type { AppState } from '../../store/store';
import { createLineChart, type LineChartData, type LineChartOptions } from '../../viz/lineChart';
import { useChart } from './useChart';

export function useLineChart<K>(
  options: LineChartOptions,
  pick: (state: AppState) => K,
  toData: (picked: K) => LineChartData | null,
) {
  return useChart((node) => createLineChart(node, options), pick, toData);
}
