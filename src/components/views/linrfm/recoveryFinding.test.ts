import { describe, expect, it } from 'vitest';
import type { CompletionRecord } from '../../../core/linrfm/linrfmTypes';
import { recoveryFinding } from './recoveryFinding';

const record = (recoveryError: number, softImputeError: number | null, converged = true) =>
  ({
    iteration: 60,
    recoveryError,
    softImputeError,
    softImputeSweeps: softImputeError === null ? null : 892,
    softImputeConverged: softImputeError === null ? null : converged,
  }) as CompletionRecord;

describe('the recovery caption against the nuclear-norm baseline', () => {
  it('says when the baseline wins (the matrix-completion preset at s = 1/2: 6.5e-3 against 1.1e-6)', () => {
    expect(recoveryFinding(record(6.5e-3, 1.05e-6), 0.5)).toMatch(
      /the nuclear-norm minimum does better than lin-RFM \(s = 0\.5\) here/,
    );
  });

  it('says when lin-RFM wins, and when the baseline did not converge', () => {
    const text = recoveryFinding(record(1e-6, 0.2, false), 0.75)!;
    expect(text).toMatch(/lin-RFM \(s = 0\.75\) does better/);
    expect(text).toContain('not converged within its budget');
  });

  it('calls errors within a factor of two level, and says nothing before the baseline ran', () => {
    expect(recoveryFinding(record(1.5e-6, 1e-6), 0.5)).toMatch(/level here/);
    expect(recoveryFinding(record(0.8, null), 0.5)).toBeNull();
  });
});
