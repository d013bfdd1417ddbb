/**
 * The panels of a sweep (one full run per value of one parameter): the error of RFM and of the plain
 * kernel against the swept value, and the final M of any point.
 */
import { SweepChartPanel } from './sweep/SweepChartPanel';
import { SweepHeatmapPanel } from './sweep/SweepHeatmapPanel';

export function SweepViews() {
  return (
    <>
      <SweepChartPanel />
      <SweepHeatmapPanel />
    </>
  );
}
