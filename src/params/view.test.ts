import { describe, expect, it } from 'vitest';
import {
  appendViewToQuery,
  canonicalQuery,
  defaultView,
  hidesControl,
  viewFromQuery,
  VIEW_KEYS,
  VIEW_PARAMS,
} from './view';
import { formatSpecValue, parseSpecValue } from './schema';

describe('view state schema', () => {
  it('reads a bare ?embed as the embed view', () => {
    expect(viewFromQuery(new URLSearchParams('embed')).view.embed).toBe(true);
    expect(viewFromQuery(new URLSearchParams('embed=yes')).view.embed).toBe(true);
    expect(viewFromQuery(new URLSearchParams('embed=0')).view.embed).toBe(false);
  });

  it('keeps the panel order and drops duplicates', () => {
    expect(viewFromQuery(new URLSearchParams('panels=error,m,error')).view.panels).toEqual(['error', 'm']);
  });

  it('drops an unknown panel with a notice instead of throwing', () => {
    const { view, problems } = viewFromQuery(new URLSearchParams('panels=m,bogus&controls=some'));
    expect(view.panels).toEqual([]);
    expect(view.controls).toBe('run');
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/bogus/);
  });

  it('writes only what differs from the defaults, and reads it back', () => {
    expect(appendViewToQuery(defaultView()).toString()).toBe('');
    const view = { ...defaultView(), embed: true, panels: ['m', 'error'] as const, it: 3, hidediag: 'on' as const };
    const query = appendViewToQuery({ ...view, panels: [...view.panels] });
    expect(viewFromQuery(query).view).toEqual({ ...view, panels: ['m', 'error'] });
  });

  it('round-trips every key through its text form', () => {
    for (const key of VIEW_KEYS) {
      const spec = VIEW_PARAMS[key];
      const text = formatSpecValue(spec.defaultValue);
      expect(formatSpecValue(parseSpecValue(spec, text))).toBe(text);
    }
  });
});

describe('canonicalQuery', () => {
  it('reads lower-case attribute names as the schema keys', () => {
    const query = canonicalQuery(new URLSearchParams('l=3&PANELS=m&preset=seed&bogus=1'));
    expect(query.get('L')).toBe('3');
    expect(query.get('panels')).toBe('m');
    expect(query.get('preset')).toBe('seed');
    expect(query.get('bogus')).toBe('1');
  });
});

describe('hide flags and slow motion', () => {
  it('hides single controls by parameter key or alias, groups, and the downloads row', () => {
    const { view, problems } = viewFromQuery(new URLSearchParams('hide=kernel,reg,downloads,presets&slowmo=1.5'));
    expect(problems).toEqual([]);
    expect(view.hide).toEqual(['kernel', 'reg', 'downloads', 'presets']);
    expect(hidesControl(view.hide, 'kernel')).toBe(true);
    expect(hidesControl(view.hide, 'lambda')).toBe(true);
    expect(hidesControl(view.hide, 'L')).toBe(false);
    expect(view.slowmo).toBe(1.5);
    expect(viewFromQuery(new URLSearchParams('hide=bogus')).problems[0]).toMatch(/invalid hide: bogus/);
  });
});
