import { describe, expect, it } from 'vitest';
import { DEFAULT_RFM_OPTIONS } from '../core/defaults';
import { defaultParams } from '../params/schema';
import { presetParams } from '../params/presets';
import { optionsFromParams } from './options';

describe('optionsFromParams', () => {
  it("maps the schema's defaults to the engine's defaults: one set of defaults, the schema's", () => {
    expect(optionsFromParams(defaultParams())).toEqual(DEFAULT_RFM_OPTIONS);
  });

  it('maps every model parameter to its option, and early stopping only with a validation split', () => {
    const options = optionsFromParams({ ...defaultParams(), kernel: 'laplace-q', L: 3, q: 1.5, lambda: 0.1, seed: 9 });
    expect(options).toMatchObject({ kernel: 'laplace-q', bandwidth: 3, exponent: 1.5, ridge: 0.1, seed: 9 });
    expect(optionsFromParams({ ...defaultParams(), stop: true, val: 0 }).earlyStopping).toBe(false);
    expect(optionsFromParams(presetParams('boston'))).toMatchObject({ validationFraction: 0.2, earlyStopping: true });
  });
});
