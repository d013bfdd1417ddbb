import { describe, expect, it } from 'vitest';
import { imageShapesOf, parseImageShape } from './convParams';

describe('imageShapesOf', () => {
  it('finds the square image that a CSV’s feature columns make, grey and in colour', () => {
    expect(imageShapesOf(196)).toEqual(['14x14']);
    expect(imageShapesOf(3 * 16 * 16)).toEqual(['16x16x3']);
    // 3 x 9 = 27 is not a square; 9 x 9 x 3 = 243 is neither a square.
    expect(imageShapesOf(243)).toEqual(['9x9x3']);
    expect(imageShapesOf(4 * 4 * 3 * 3)).toEqual(['12x12']);
  });

  it('offers nothing for columns that make no square image of side 3 or more', () => {
    expect(imageShapesOf(13)).toEqual([]);
    expect(imageShapesOf(4)).toEqual([]);
    expect(imageShapesOf(0)).toEqual([]);
  });

  it('offers shapes the schema’s parser reads back', () => {
    for (const shape of [...imageShapesOf(196), ...imageShapesOf(768)]) expect(parseImageShape(shape)).not.toBeNull();
  });
});
