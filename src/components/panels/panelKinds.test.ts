/** The lin-RFM panels are in the registry: `panels=` can name them, and only lin-RFM runs show them. */
import { describe, expect, it } from 'vitest';
import { panelKind } from './panelKinds';

const ctx = { data: 'synthetic' as const, sweep: false, classification: false };

describe('lin-RFM panel kinds', () => {
  it('maps each problem to its panels and nothing else', () => {
    expect(panelKind('matrices', { ...ctx, linrfm: 'completion' })).toBe('linrfmMatrices');
    expect(panelKind('singular', { ...ctx, linrfm: 'completion' })).toBe('linrfmSingular');
    expect(panelKind('mspectrum', { ...ctx, linrfm: 'sparse' })).toBe('linrfmMSpectrum');
    expect(panelKind('coefficients', { ...ctx, linrfm: 'sparse' })).toBe('linrfmCoefficients');
    expect(panelKind('coefficients', { ...ctx, linrfm: 'completion' })).toBeNull();
    expect(panelKind('phase', { ...ctx, linrfm: 'phase' })).toBe('linrfmPhase');
    expect(panelKind('recovery', { ...ctx, linrfm: 'phase' })).toBeNull();
    expect(panelKind('m', { ...ctx, linrfm: 'completion' })).toBeNull();
  });

  it('leaves the lin-RFM panels out of other runs', () => {
    expect(panelKind('phase', ctx)).toBeNull();
    expect(panelKind('matrices', { ...ctx, linrfm: 'off' })).toBeNull();
    expect(panelKind('m', ctx)).toBe('heatmap');
  });
});
