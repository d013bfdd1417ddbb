/** The lin-RFM panels are in the registry: `panels=` can name them, and only lin-RFM runs show them. */
import { describe, expect, it } from 'vitest';
import type { Job } from '../../jobs/job';
import { panelKind } from './panelKinds';

const ctx = { data: 'synthetic' as const, job: { kind: 'rfm' } as Job, classification: false };
const completion: Job = { kind: 'linrfm', problem: 'completion' };
const sparse: Job = { kind: 'linrfm', problem: 'sparse' };
const phase: Job = { kind: 'linrfm-phase' };

describe('lin-RFM panel kinds', () => {
  it('maps each problem to its panels and nothing else', () => {
    expect(panelKind('matrices', { ...ctx, job: completion })).toBe('linrfmMatrices');
    expect(panelKind('singular', { ...ctx, job: completion })).toBe('linrfmSingular');
    expect(panelKind('mspectrum', { ...ctx, job: sparse })).toBe('linrfmMSpectrum');
    expect(panelKind('coefficients', { ...ctx, job: sparse })).toBe('linrfmCoefficients');
    expect(panelKind('coefficients', { ...ctx, job: completion })).toBeNull();
    expect(panelKind('phase', { ...ctx, job: phase })).toBe('linrfmPhase');
    expect(panelKind('recovery', { ...ctx, job: phase })).toBeNull();
    expect(panelKind('m', { ...ctx, job: completion })).toBeNull();
  });

  it('leaves the lin-RFM panels out of other runs', () => {
    expect(panelKind('phase', ctx)).toBeNull();
    expect(panelKind('matrices', ctx)).toBeNull();
    expect(panelKind('m', ctx)).toBe('heatmap');
    expect(panelKind('nfa', ctx)).toBeNull();
    expect(panelKind('nfa', { ...ctx, job: { kind: 'rfm+nn' } })).toBe('nfa');
    expect(panelKind('m', { ...ctx, job: { kind: 'sweep', sweep: { param: 'd', values: [5] } } })).toBe('sweepHeatmap');
  });
});

describe('ConvRFM panel kinds', () => {
  const conv: Job = { kind: 'convrfm' };
  it('maps m, filters, featuremaps and accuracy to the ConvRFM views, and nothing else', () => {
    const digits = { ...ctx, data: 'digits' as const, job: conv, classification: true };
    expect(
      ['m', 'filters', 'featuremaps', 'accuracy', 'error', 'features'].map((n) => panelKind(n as never, digits)),
    ).toEqual(['convM', 'convFilters', 'convFeatureMaps', 'convAccuracy', null, null]);
  });

  it('leaves the ConvRFM panels out of other runs', () => {
    expect(panelKind('filters', ctx)).toBeNull();
    expect(panelKind('featuremaps', { ...ctx, job: completion })).toBeNull();
  });
});
