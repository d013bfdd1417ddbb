/**
 * A heatmap of a matrix fed from the store (see useChart), and the hover text "M[row, col] = value" it
 * reports, for the panels that show M or a block of it.
 */
import { useState } from 'react';
import type { AppState } from '../../store/store';
import { createHeatmap, type HeatmapCell, type HeatmapData } from '../../viz/heatmap';
import { formatValue } from '../../viz/format';
import { useChart } from './useChart';

export function useMatrixHeatmap<K>(
  pick: (state: AppState) => K,
  toData: (picked: K) => HeatmapData | null,
  options: { maxSide?: number; entryName?: (cell: HeatmapCell) => string } = {},
) {
  const [hover, setHover] = useState<string | null>(null);
  const entryName = options.entryName ?? ((cell) => `M[${cell.rowLabel}, ${cell.colLabel}]`);
  const ref = useChart(
    (node) =>
      createHeatmap(node, {
        ...(options.maxSide !== undefined ? { maxSide: options.maxSide } : {}),
        onHover: (cell) => setHover(cell ? `${entryName(cell)} = ${formatValue(cell.value)}` : null),
      }),
    pick,
    toData,
  );
  return { ref, hover };
}
