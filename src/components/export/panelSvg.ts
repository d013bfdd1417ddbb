/**
 * A panel as a standalone SVG: the d3 chart's own SVG elements cloned with their computed styles inlined
 * (fonts, colours, strokes), its HTML legend and title as SVG text, and canvas cells as vector rectangles
 * (a heatmap canvas says its grid in data-rows / data-cols; the colour of each cell is read at its centre).
 * Canvases without a grid, or grids too fine for rectangles, go in as an embedded PNG image.
 */
import { escapeXml } from '../../export/markup';

const SVG_NS = 'http://www.w3.org/2000/svg';
const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
] as const;
/** Above this many cells a heatmap goes in as an image (an SVG with a million rectangles helps no one). */
const MAX_VECTOR_CELLS = 40_000;
/** HTML text that belongs to the figure (title, legend, headline); captions and controls do not. */
const TEXT_SELECTOR = 'h3, .rfm-viz-legend li span, .headline';

function inlineStyles(source: Element, target: Element): void {
  const style = getComputedStyle(source);
  const declarations = STYLE_PROPS.map((prop) => `${prop}:${style.getPropertyValue(prop)}`).filter(
    (d) => !d.endsWith(':'),
  );
  target.setAttribute('style', declarations.join(';'));
  for (let i = 0; i < source.children.length; i++) inlineStyles(source.children[i]!, target.children[i]!);
}

function canvasElement(canvas: HTMLCanvasElement, x: number, y: number, width: number, height: number): string {
  const rows = Number(canvas.dataset.rows);
  const cols = Number(canvas.dataset.cols);
  const context = canvas.getContext('2d');
  if (!(rows > 0 && cols > 0 && rows * cols <= MAX_VECTOR_CELLS && context)) {
    return `<image x="${x}" y="${y}" width="${width}" height="${height}" href="${escapeXml(canvas.toDataURL('image/png'))}"/>`;
  }
  const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
  const cellW = width / cols;
  const cellH = height / rows;
  const cells: string[] = [];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const px = Math.min(canvas.width - 1, Math.floor(((j + 0.5) / cols) * canvas.width));
      const py = Math.min(canvas.height - 1, Math.floor(((i + 0.5) / rows) * canvas.height));
      const k = (py * canvas.width + px) * 4;
      const alpha = pixels[k + 3]! / 255;
      if (alpha === 0) continue;
      cells.push(
        `<rect x="${(x + j * cellW).toFixed(2)}" y="${(y + i * cellH).toFixed(2)}" width="${cellW.toFixed(2)}" height="${cellH.toFixed(2)}" fill="rgb(${pixels[k]},${pixels[k + 1]},${pixels[k + 2]})"${alpha < 1 ? ` fill-opacity="${alpha.toFixed(3)}"` : ''}/>`,
      );
    }
  }
  return `<g class="cells" data-rows="${rows}" data-cols="${cols}" shape-rendering="crispEdges">${cells.join('')}</g>`;
}

function textElement(element: Element, origin: DOMRect): string | null {
  const text = element.textContent?.trim();
  const box = element.getBoundingClientRect();
  if (!text || box.width === 0) return null;
  const style = getComputedStyle(element);
  const x = box.left - origin.left;
  const baseline = box.top - origin.top + box.height * 0.75;
  return `<text x="${x.toFixed(1)}" y="${baseline.toFixed(1)}" style="${escapeXml(`font-family:${style.fontFamily};font-size:${style.fontSize};font-weight:${style.fontWeight};fill:${style.color}`)}">${escapeXml(text)}</text>`;
}

/** The panel's chart as SVG text (width and height in CSS px of the panel as shown). */
export function panelToSvg(panel: HTMLElement): string {
  const origin = panel.getBoundingClientRect();
  const parts: string[] = [];
  // The picture ends below its lowest element (a panel stretched by the grid row has blank space).
  let bottom = 0;
  const position = (element: Element) => {
    const box = element.getBoundingClientRect();
    bottom = Math.max(bottom, box.bottom - origin.top);
    return { x: box.left - origin.left, y: box.top - origin.top, width: box.width, height: box.height };
  };
  const visible = (element: Element) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && !element.closest('button, label, .scrubber, .panel-export');
  };
  for (const canvas of panel.querySelectorAll('canvas')) {
    if (!visible(canvas)) continue;
    const { x, y, width, height } = position(canvas);
    parts.push(canvasElement(canvas, x, y, width, height));
  }
  // Outermost SVGs only (legend swatches included); nested ones come with their parent.
  for (const svg of panel.querySelectorAll('svg')) {
    if (svg.parentElement?.closest('svg') || !visible(svg)) continue;
    const { x, y, width, height } = position(svg);
    const clone = svg.cloneNode(true) as SVGSVGElement;
    inlineStyles(svg, clone);
    clone.setAttribute('x', x.toFixed(1));
    clone.setAttribute('y', y.toFixed(1));
    clone.setAttribute('width', width.toFixed(1));
    clone.setAttribute('height', height.toFixed(1));
    clone.setAttribute('overflow', 'visible');
    parts.push(new XMLSerializer().serializeToString(clone));
  }
  for (const element of panel.querySelectorAll(TEXT_SELECTOR)) {
    if (!visible(element)) continue;
    position(element);
    const text = textElement(element, origin);
    if (text) parts.push(text);
  }
  const width = Math.ceil(origin.width);
  const height = Math.ceil(Math.min(origin.height, bottom + 12));
  const font = getComputedStyle(panel).fontFamily;
  return [
    `<svg xmlns="${SVG_NS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(font)}">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    ...parts,
    '</svg>',
  ].join('\n');
}

/** The SVG drawn at `scale` x its size into a PNG (2x: crisp on high-density screens and in print). */
export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(image.naturalWidth * scale);
    canvas.height = Math.round(image.naturalHeight * scale);
    const context = canvas.getContext('2d')!;
    context.scale(scale, scale);
    context.drawImage(image, 0, 0);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be made'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
