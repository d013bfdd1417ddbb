/**
 * The ConvRFM job as the worker runs it: ConvRFM's records with their filter responses on the probe image,
 * then the plain RFM's points, then layer 2 on filters from M and from I; the image shape comes from the
 * digits' layout or a CSV's `shape`, and a wrong one is refused with the numbers.
 */
import { describe, expect, it } from 'vitest';
import { cpuBackendLimits } from '../core/memory';
import { loadConvFixture } from '../core/conv/convFixtures';
import { filterResponses } from '../core/conv/filterResponses';
import { useBackend } from '../core/testing/backends';
import { defaultParams, type Params } from '../params/schema';
import {
  convOptionsFromParams,
  convSummaryOf,
  imageShapeOf,
  runConvExperiment,
  type ConvExperimentEvent,
} from './convExperiment';

const params = (over: Partial<Params>): Params => ({
  ...defaultParams(),
  model: 'convrfm',
  data: 'csv',
  shape: '7x7',
  kernel: 'gaussian',
  L: 1,
  lambda: 1e-3,
  patch: 3,
  ...over,
});

describe('imageShapeOf', () => {
  const { data } = loadConvFixture('gaussian-7x7');
  it('reads a CSV image shape from the shape parameter', () => {
    expect(imageShapeOf(data, params({}))).toEqual({ height: 7, width: 7, channels: 1 });
  });
  it('takes the digits layout over the parameter', () => {
    const digits = { ...data, layout: { kind: 'image' as const, width: 7, height: 7 } };
    expect(imageShapeOf(digits, params({ shape: '' }))).toEqual({ height: 7, width: 7, channels: 1 });
  });
  it('refuses rows without a shape, or a shape of the wrong size', () => {
    expect(() => imageShapeOf(data, params({ shape: '' }))).toThrow(/ConvRFM needs images.*49 values/);
    expect(() => imageShapeOf(data, params({ shape: '8x8' }))).toThrow(
      'image shape 8x8 needs 64 feature columns; the file has 49',
    );
  });
  it('refuses the laplace-q kernel', () => {
    expect(() => convOptionsFromParams(params({ kernel: 'laplace-q' }), { height: 7, width: 7, channels: 1 })).toThrow(
      /gaussian or kernel=laplace/,
    );
  });
});

describe('runConvExperiment', () => {
  it('yields ConvRFM records with filter responses, then the plain RFM, then both second layers', async () => {
    await useBackend('cpu');
    const { data } = loadConvFixture('gaussian-7x7');
    const p = params({ iters: 1, deep: 2, seed: 3 });
    const summary = convSummaryOf(data, p, convOptionsFromParams(p, imageShapeOf(data, p)));
    expect(summary).toMatchObject({
      features: 9,
      positions: 25,
      deep: { filters: 2, shape: { height: 5, width: 5, channels: 2 } },
    });
    expect(Array.from(summary.probe)).toEqual(Array.from(data.xTest.subarray(0, 49)));

    const phases: (string | null)[] = [];
    const events: ConvExperimentEvent[] = [];
    const run = runConvExperiment(data, p, summary, {
      limits: cpuBackendLimits('cpu'),
      checkpoint: async (progress) => void phases.push(progress?.phase ?? null),
    });
    for await (const event of run) events.push(event);

    expect(
      events.map((e) => (e.type === 'iteration' ? `conv ${e.record.iteration}` : `${e.line} ${e.point.iteration}`)),
    ).toEqual([
      'conv 0',
      'conv 1',
      'plain 0',
      'plain 1',
      'deepLearned 0',
      'deepLearned 1',
      'deepIdentity 0',
      'deepIdentity 1',
    ]);
    const last = events[1]!;
    if (last.type !== 'iteration') throw new Error('expected a ConvRFM record');
    expect(last.record.responseShape).toEqual({ count: 4, rows: 5, cols: 5 });
    const expected = filterResponses(summary.probe, summary.image, 3, last.record.filters.slice(0, 4));
    expect(Array.from(last.record.responses)).toEqual(Array.from(expected.responses));
    // ConvRFM reports its phases; the comparisons only pass the checkpoint (null), for pause and cancel.
    expect(phases).toContain('agop');
    expect(phases.at(-1)).toBeNull();
    for (const event of events) if (event.type === 'point') expect(event.point.testAccuracy).toBeGreaterThanOrEqual(0);
  });
});
