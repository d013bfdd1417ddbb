/**
 * Parameters of ConvRFM (docs/convrfm.md): the patch size and, for `rfm fit` on a CSV of images, the image
 * shape. Spread into PARAMS (schema.ts); the image side of the digits (px), n, ntest, kernel, L, lambda, iters
 * and seed are the shared ones. This module imports only ./specs.
 */
import { ParamError, num, type StringSpec } from './specs';

export const CONV_PARAMS = {
  patch: num({
    key: 'patch',
    label: 'patch size q',
    help: 'ConvRFM: side of the square patches (stride 1, no padding); M is q^2 x q^2 (times the channels).',
    defaultValue: 3,
    min: 1,
    max: 9,
    scale: 'linear',
    integer: true,
  }),
  deep: num({
    key: 'deep',
    label: 'deep filters F',
    help: 'Deep ConvRFM: F random filters w = M^(1/2) z from the learned M, ReLU, then ConvRFM on the F-channel maps (0: one layer only).',
    defaultValue: 0,
    min: 1,
    max: 32,
    scale: 'linear',
    integer: true,
    allowZero: true,
  }),
  shape: {
    kind: 'string',
    key: 'shape',
    aliases: ['image-shape'],
    label: 'image shape',
    help: 'The rows are images of this shape, HxW or HxWxC (channels last), e.g. 14x14: trains ConvRFM on q x q patches. Empty: a plain RFM on the columns.',
    defaultValue: '',
    maxLength: 20,
  } satisfies StringSpec,
} as const;

export interface ImageShapeValue {
  height: number;
  width: number;
  channels: number;
}

/** '14x14' or '32x32x3' -> the shape; '' -> null. Throws ParamError with the reason. */
export function parseImageShape(text: string): ImageShapeValue | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const match = /^(\d{1,4})x(\d{1,4})(?:x(\d{1,2}))?$/i.exec(trimmed);
  const [height, width, channels] = match ? [match[1], match[2], match[3] ?? '1'].map(Number) : [];
  if (!height || !width || !channels)
    throw new ParamError(`image shape must be HxW or HxWxC with whole numbers from 1, e.g. 14x14, not "${text}"`);
  return { height, width, channels };
}

/**
 * The image shapes `features` values can make, squares only: side x side (one channel) and side x side x 3
 * (colour, channels last), each side at least 3. [] when there is none.
 */
export function imageShapesOf(features: number): string[] {
  const shapes: string[] = [];
  const square = (v: number) => {
    const side = Math.round(Math.sqrt(v));
    return side >= 3 && side * side === v ? side : null;
  };
  const grey = square(features);
  if (grey !== null) shapes.push(`${grey}x${grey}`);
  const colour = features % 3 === 0 ? square(features / 3) : null;
  if (colour !== null) shapes.push(`${colour}x${colour}x3`);
  return shapes;
}
