/** Download PNG (2x) and Download SVG (vector, from the d3 chart) for the panel in the same slot. */
import type { RefObject } from 'react';
import type { PanelName } from '../../params/view';
import { useAppStore } from '../../store/store';
import { download } from './download';
import { panelToSvg, svgToPng } from './panelSvg';

export function PanelExport({ name, slot }: { name: PanelName; slot: RefObject<HTMLDivElement | null> }) {
  const file = () => `rfm-${useAppStore.getState().params.preset}-${name}`;
  const svg = () => {
    const panel = slot.current?.querySelector<HTMLElement>('.panel');
    return panel ? panelToSvg(panel) : null;
  };
  return (
    <div className="panel-export">
      <button
        type="button"
        aria-label={`Download PNG of ${name}`}
        onClick={() => {
          const text = svg();
          if (text) void svgToPng(text).then((blob) => download(`${file()}.png`, blob));
        }}
      >
        PNG
      </button>
      <button
        type="button"
        aria-label={`Download SVG of ${name}`}
        onClick={() => {
          const text = svg();
          if (text) download(`${file()}.svg`, text, 'image/svg+xml');
        }}
      >
        SVG
      </button>
    </div>
  );
}
