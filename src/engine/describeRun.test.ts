import { describe, expect, it } from 'vitest';
import { defaultParams } from '../params/schema';
import { PROTOCOL_VERSION, protocolMismatch } from '../protocol/messages';
import { describeRun } from './describeRun';

describe('describeRun', () => {
  it('describes a single run by its parameters and assets alone, expecting T + 1 records', () => {
    const params = { ...defaultParams(), iters: 5 };
    const csv = { name: 'a.csv', text: 'x,y\n1,2\n' };
    expect(describeRun(params, { csv })).toEqual({
      run: { params, assets: { csv }, job: { kind: 'rfm' } },
      plannedRecords: 6,
    });
  });

  it('adds the values of a sweep, one point each, and nothing else', () => {
    const params = { ...defaultParams(), sweep: 'd' as const, from: 5, to: 20, steps: 4 };
    const job = describeRun(params, {});
    expect(job.run.job).toEqual({ kind: 'sweep', sweep: { param: 'd', values: [5, 10, 15, 20] } });
    expect(job.run.params).toBe(params);
    expect(Object.keys(job.run).sort()).toEqual(['assets', 'job', 'params']);
    expect(job.plannedRecords).toBe(4);
  });
});

describe('protocolMismatch', () => {
  it('is null for the same version and says to reload for another', () => {
    expect(protocolMismatch(PROTOCOL_VERSION, PROTOCOL_VERSION)).toBeNull();
    expect(protocolMismatch(3, 2)).toMatch(
      /^the training worker speaks protocol version 2 but this page speaks version 3: .* Reload the page/,
    );
  });
});
