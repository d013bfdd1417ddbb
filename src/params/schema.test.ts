import { describe, expect, it } from 'vitest';
import { presetParams, PRESETS } from './presets';
import {
  defaultParams,
  formatParam,
  PARAM_KEYS,
  PARAMS,
  ParamError,
  paramsFromQuery,
  presetConflict,
  parseParam,
  PRESET_NAMES,
  queryFromParams,
  type ParamKey,
  type ParamSpec,
} from './schema';

/** A valid value of each key other than its default, where there is one. */
function otherValue(key: ParamKey): unknown {
  const spec: ParamSpec = PARAMS[key];
  switch (spec.kind) {
    case 'number':
      return spec.defaultValue === spec.max ? spec.min : spec.integer ? spec.max : (spec.min + spec.max) / 2;
    case 'enum':
      return spec.options.find((o) => o !== spec.defaultValue);
    case 'boolean':
      return !spec.defaultValue;
    default:
      return 'x1 + 1';
  }
}

describe('the parameter schema', () => {
  it.each(PARAM_KEYS)('parses and formats %s so that the default and another value round-trip', (key) => {
    const spec: ParamSpec = PARAMS[key];
    for (const value of [spec.defaultValue, otherValue(key)]) {
      const text = formatParam(key, value as never);
      expect(parseParam(key, text), `${key} = ${text}`).toEqual(value);
    }
  });

  it.each(PARAM_KEYS)('gives %s a default inside its own range', (key) => {
    const spec: ParamSpec = PARAMS[key];
    expect(() => parseParam(key, formatParam(key, spec.defaultValue as never))).not.toThrow();
    if (spec.kind === 'number') {
      expect(spec.min).toBeLessThan(spec.max);
      if (spec.scale === 'log') expect(spec.min).toBeGreaterThan(0);
    }
  });

  it('refuses values out of range, not numbers, and unknown choices with one sentence each', () => {
    expect(() => parseParam('L', '1e-30')).toThrow(new ParamError('L must be between 0.01 and 1000, not 1e-30'));
    expect(() => parseParam('iters', '1e9')).toThrow('iters must be between 1 and 500 (or 0), not 1e9');
    expect(() => parseParam('ntest', 'NaN')).toThrow('ntest must be a number, not "NaN"');
    expect(() => parseParam('iters', '2.5')).toThrow('iters must be a whole number, not 2.5');
    expect(() => parseParam('kernel', 'rbf')).toThrow('invalid kernel: rbf (one of laplace, gaussian, laplace-q)');
    expect(() => parseParam('expr', 'x1+'.repeat(200))).toThrow('expr is longer than 500 characters');
    expect(parseParam('ntest', '0')).toBe(0);
    expect(parseParam('val', '0')).toBe(0);
    expect(() => parseParam('val', '0.9')).toThrow('val must be between 0.05 and 0.5 (or 0), not 0.9');
  });

  it('names the long command-line aliases of the options rfm fit used to spell its own way', () => {
    expect(PARAMS.L.aliases).toEqual(['bandwidth']);
    expect(PARAMS.lambda.aliases).toEqual(['reg']);
    expect(PARAMS.q.aliases).toEqual(['exponent']);
    expect(PARAMS.val.aliases).toEqual(['val-fraction']);
  });
});

describe('URL queries', () => {
  it.each(PRESET_NAMES)('read back every parameter of the %s preset changed to another value', (preset) => {
    const baseOf = presetParams;
    for (const key of PARAM_KEYS) {
      if (key === 'preset' || key === 'data') continue;
      // Values that do not belong with the preset are refused (next tests).
      if (presetConflict(key, otherValue(key) as never, baseOf(preset)) !== null) continue;
      const params = { ...baseOf(preset), [key]: otherValue(key) };
      const { params: back, problems } = paramsFromQuery(queryFromParams(params, baseOf), baseOf);
      expect(problems, key).toEqual([]);
      expect(back, key).toEqual(params);
    }
  });

  it('refuse a data source that contradicts the preset, with a notice, and keep the rest', () => {
    const { params, problems } = paramsFromQuery(new URLSearchParams('preset=iris&data=text&iters=2'), presetParams);
    expect(params.data).toBe('iris');
    expect(params.iters).toBe(2);
    expect(problems).toEqual(['data=text contradicts the iris preset (its data is iris): ignored']);
    expect(paramsFromQuery(new URLSearchParams('preset=iris&data=iris'), presetParams).problems).toEqual([]);
  });

  it('refuse parameters the preset does not use, and lin-RFM against the preset, with the same notice', () => {
    const { params, problems } = paramsFromQuery(
      new URLSearchParams('target=price&linrfm=completion&px=20&iters=2'),
      presetParams,
    );
    expect(params).toEqual({ ...presetParams('seed'), iters: 2 });
    expect(problems).toEqual([
      'target=price is not used by the seed preset (only with data=csv): ignored',
      'px=20 is not used by the seed preset (only with data=digits): ignored',
      'linrfm=completion contradicts the seed preset (a kernel RFM, not a lin-RFM problem): ignored',
    ]);
    const csv = paramsFromQuery(new URLSearchParams('preset=csv&target=price'), presetParams);
    expect([csv.params.target, csv.problems]).toEqual(['price', []]);
    const mc = paramsFromQuery(new URLSearchParams('preset=matrix-completion&linrfm=phase'), presetParams);
    expect([mc.params.linrfm, mc.problems]).toEqual(['phase', []]);
    expect(paramsFromQuery(new URLSearchParams('preset=matrix-completion&linrfm=off'), presetParams).problems).toEqual([
      'linrfm=off contradicts the matrix-completion preset (lin-RFM completion): ignored',
    ]);
  });

  it('let the neural-collapse preset switch between the data with class labels, and refuse a kernel RFM there', () => {
    const iris = paramsFromQuery(new URLSearchParams('preset=neural-collapse&data=iris'), presetParams);
    expect([iris.params.data, iris.params.model, iris.problems]).toEqual(['iris', 'deep-rfm', []]);
    const csv = paramsFromQuery(new URLSearchParams('preset=neural-collapse&data=csv&target=label'), presetParams);
    expect([csv.params.data, csv.params.target, csv.problems]).toEqual(['csv', 'label', []]);
    const text = paramsFromQuery(new URLSearchParams('preset=neural-collapse&data=text&model=rfm'), presetParams);
    expect([text.params.data, text.params.model]).toEqual(['digits', 'deep-rfm']);
    expect(text.problems).toEqual([
      'data=text contradicts the neural-collapse preset (its data is digits): ignored',
      'model=rfm contradicts the neural-collapse preset (a Deep RFM, not a kernel RFM): ignored',
    ]);
    expect(paramsFromQuery(new URLSearchParams('preset=iris&data=digits'), presetParams).problems).toHaveLength(1);
  });

  it('keep a ConvRFM preset a ConvRFM run, and let a CSV of images become one', () => {
    const conv = paramsFromQuery(new URLSearchParams('preset=convrfm&model=rfm&shape=7x7&patch=5'), presetParams);
    expect([conv.params.model, conv.params.patch, conv.problems]).toEqual([
      'convrfm',
      5,
      [
        'model=rfm contradicts the convrfm preset (a ConvRFM run): ignored',
        'shape=7x7 is not used by the convrfm preset (only with data=csv): ignored',
      ],
    ]);
    const csv = paramsFromQuery(new URLSearchParams('preset=csv&model=convrfm&shape=14x14'), presetParams);
    expect([csv.params.model, csv.params.shape, csv.problems]).toEqual(['convrfm', '14x14', []]);
  });

  it('never echo a long invalid value in full, and refuse control characters in text', () => {
    const long = 'x'.repeat(100_000);
    const { problems } = paramsFromQuery(new URLSearchParams({ kernel: long, n: long, expr: 'x1\n+x2' }), presetParams);
    expect(problems.every((p) => p.length < 200)).toBe(true);
    expect(problems).toContain(
      `invalid kernel: ${'x'.repeat(60)}… (100000 characters) (one of laplace, gaussian, laplace-q)`,
    );
    expect(problems).toContain('expr holds a control character or line break');
  });

  it('keep the base value of an invalid parameter and say why', () => {
    const { params, problems } = paramsFromQuery(new URLSearchParams('L=0&n=abc'), presetParams);
    expect(params.L).toBe(defaultParams().L);
    expect(params.n).toBe(defaultParams().n);
    // In schema order.
    expect(problems).toEqual(['n must be a number, not "abc"', 'L must be between 0.01 and 1000, not 0']);
  });

  it('write nothing for a preset left as it is', () => {
    for (const preset of PRESET_NAMES) {
      const query = queryFromParams(presetParams(preset), presetParams).toString();
      expect(query).toBe(preset === 'seed' ? '' : `preset=${preset}`);
    }
  });
});

describe('presets', () => {
  it('set only valid values, and Boston and digits hold out a validation split with early stopping', () => {
    for (const preset of PRESET_NAMES) {
      for (const [key, value] of Object.entries(PRESETS[preset].params)) {
        expect(parseParam(key as ParamKey, formatParam(key as ParamKey, value as never)), `${preset}.${key}`).toEqual(
          value,
        );
      }
    }
    for (const preset of ['boston', 'digits'] as const) {
      expect(presetParams(preset)).toMatchObject({ val: 0.2, stop: true });
      expect(PRESETS[preset].caption).toMatch(/best iteration/);
    }
  });
});
