import { describe, expect, it } from 'vitest';
import { PARAMS, PARAM_KEYS, parseSpecValue, type NumberSpec } from '../../params/schema';
import { fromSlider, STEPS, toSlider } from './sliderScale';

const numberSpecs = PARAM_KEYS.map((key) => PARAMS[key]).filter((s): s is NumberSpec => s.kind === 'number');

describe('slider positions', () => {
  it.each(numberSpecs.filter((s) => s.scale === 'log').map((s) => [s.key, s] as const))(
    'give a value the schema accepts at every position of the %s log slider',
    (key, spec) => {
      // The n test slider used to give "ntest must be a number, not "NaN"" on any move (log of a min of 0).
      expect(spec.min).toBeGreaterThan(0);
      for (let position = 0; position <= STEPS; position++) {
        const value = fromSlider(spec, position);
        expect(() => parseSpecValue(spec, String(value)), `${key} at position ${position}`).not.toThrow();
      }
    },
  );

  it('map 0 to position 0 and back where 0 is allowed, and the ends of the range to the ends', () => {
    const ntest = PARAMS.ntest;
    expect(toSlider(ntest, 0)).toBe(0);
    expect(fromSlider(ntest, 0)).toBe(0);
    expect(fromSlider(ntest, 1)).toBe(ntest.min);
    expect(fromSlider(ntest, STEPS)).toBe(ntest.max);
    expect(toSlider(ntest, ntest.max)).toBe(STEPS);
    expect(fromSlider(PARAMS.n, 0)).toBe(PARAMS.n.min);
  });

  it('round-trip a value to a nearby one on log sliders', () => {
    for (const spec of numberSpecs.filter((s) => s.scale === 'log')) {
      const value = spec.defaultValue === 0 ? spec.min * 10 : spec.defaultValue;
      const back = fromSlider(spec, toSlider(spec, value));
      expect(Math.abs(Math.log(back / value)), spec.key).toBeLessThan(0.1);
    }
  });
});
