import { describe, expect, it } from 'vitest';
import type { CompletionRecord } from '../../../core/linrfm/linrfmTypes';
import { recoveryFinding } from './recoveryFinding';

const record = (
  recoveryError: number,
  softImputeError: number | null,
  converged = true,
  change = 1e-4,
  iteration = 60,
) =>
  ({
    iteration,
    recoveryError,
    change,
    softImputeError,
    softImputeSweeps: softImputeError === null ? null : 892,
    softImputeConverged: softImputeError === null ? null : converged,
  }) as CompletionRecord;

const done = (power: number, budget = 300) => ({ power, budget, finished: true });

describe('the recovery caption against the nuclear-norm baseline', () => {
  it('says when the baseline wins, and that lin-RFM ran out of budget (s = 1/2: 8.5e-4 at 300 against 1.1e-6)', () => {
    const text = recoveryFinding(record(8.5e-4, 1.05e-6, true, 3e-6, 300), done(0.5))!;
    expect(text).toMatch(/the nuclear-norm minimum does better than lin-RFM \(s = 0\.5\) here/);
    expect(text).toMatch(/at iteration 300, the end of its budget, not converged \(W still changed by 3(\.0+)?e-6/);
  });

  it('says when lin-RFM converged before its budget (s = 0.75: 9.7e-7 at iteration 119)', () => {
    const text = recoveryFinding(record(9.7e-7, 1.05e-6, true, 8e-8, 119), done(0.75))!;
    expect(text).toMatch(/at iteration 119, converged \(W changed by less than 1(\.0+)?e-7\)/);
    expect(text).toMatch(/level here/);
  });

  it('says when lin-RFM wins, and when the baseline did not converge', () => {
    const text = recoveryFinding(record(1e-6, 0.2, false), done(0.75))!;
    expect(text).toMatch(/lin-RFM \(s = 0\.75\) does better/);
    expect(text).toContain('not converged within its budget');
  });

  it('speaks in the present while the run goes on, with no stopping verdict', () => {
    const text = recoveryFinding(record(6.5e-3, 1.05e-6, true, 1e-4, 60), {
      power: 0.5,
      budget: 300,
      finished: false,
    })!;
    expect(text).toMatch(/lin-RFM 0\.0065 at iteration 60: the nuclear-norm minimum is doing better/);
    expect(text).not.toMatch(/budget|converged \(/);
  });

  it('calls errors within a factor of two level, and says nothing before the baseline ran', () => {
    expect(recoveryFinding(record(1.5e-6, 1e-6), done(0.5))).toMatch(/level here/);
    expect(recoveryFinding(record(0.8, null), done(0.5))).toBeNull();
  });
});
