import { describe, expect, it } from 'vitest';
import { checkCsv } from './checkCsv';
import { MAX_DETECTED_CLASSES, detectTask } from './detectTask';

const csv = (labels: (string | number)[]) =>
  ['x1,x2,label', ...labels.map((label, i) => `${Math.sin(i).toFixed(3)},${Math.cos(i).toFixed(3)},${label}`)].join(
    '\n',
  );
const OPTIONS = { target: '', task: 'regression' as const, standardise: false, testShare: 0.25, seed: 1 };

describe('detectTask', () => {
  it('reads text labels as classification, counting the classes', () => {
    const labels = Array.from({ length: 30 }, (_, i) => `class_${i % 3}`);
    expect(detectTask('l.csv', csv(labels), '')).toEqual({
      task: 'classification',
      reason: 'the target column "label" holds text labels (3 classes)',
    });
  });

  it('reads a few integer values as class labels and many or fractional ones as a regression target', () => {
    const few = Array.from({ length: 40 }, (_, i) => i % 4);
    expect(detectTask('f.csv', csv(few), 'label')?.task).toBe('classification');
    expect(detectTask('f.csv', csv(few), 'label')?.reason).toContain('4 integer labels');
    const many = Array.from({ length: 200 }, (_, i) => i % (MAX_DETECTED_CLASSES + 1));
    expect(detectTask('m.csv', csv(many), 'label')?.task).toBe('regression');
    expect(detectTask('r.csv', csv([0.5, 1.5, 2, 3, 0.5, 1.5]), 'label')?.task).toBe('regression');
    // As many values as rows: an integer measurement, not classes.
    expect(detectTask('c.csv', csv([1, 2, 3, 4, 5, 6]), 'label')?.task).toBe('regression');
  });

  it('leaves several targets and unreadable files to the full check', () => {
    expect(detectTask('two.csv', csv([1, 2, 1, 2]), 'x1,label')).toBeNull();
    expect(detectTask('bad.csv', 'x,y\n1\n', 'y')).toBeNull();
    expect(detectTask('typo.csv', csv([1.5, 'abc', 2.5, 3.5]), 'label')).toBeNull();
  });
});

describe('checkCsv with task detection', () => {
  it('accepts text labels under the default regression task, checked as classification', () => {
    const text = csv(Array.from({ length: 30 }, (_, i) => `class_${i % 3}`));
    const plain = checkCsv({ name: 'l.csv', text, options: OPTIONS, sampleRows: null });
    expect(plain).toMatchObject({
      ok: false,
      message: expect.stringContaining(
        '"class_0" is not a number. Since the target column "label" holds text labels (3 classes), choose the task classification.',
      ),
    });
    const detected = checkCsv({ name: 'l.csv', text, options: OPTIONS, sampleRows: null, detectTask: true });
    expect(detected).toMatchObject({ ok: true, c: 3, detected: { task: 'classification' } });
  });
});
