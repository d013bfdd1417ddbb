import { describe, expect, it } from 'vitest';
import { DEFAULT_RFM_OPTIONS } from '../core/rfm';
import { parseCommandLine, UsageError, type FitOptions } from './args';

function fit(...argv: string[]): FitOptions {
  const command = parseCommandLine(['fit', ...argv]);
  if (command.kind !== 'fit') throw new Error('expected a fit command');
  return command.options;
}

function usageMessage(argv: string[]): string {
  try {
    parseCommandLine(argv);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error('expected a UsageError');
}

describe('parseCommandLine', () => {
  it('fills every model option from the engine defaults', () => {
    const options = fit('--train', 'a.csv', '--target', 'y');
    expect(options).toMatchObject({
      train: 'a.csv',
      test: null,
      targets: ['y'],
      task: 'regression',
      out: null,
      backend: 'wasm',
    });
    expect(options.rfm).toEqual(DEFAULT_RFM_OPTIONS);
  });

  it('maps every flag onto the engine options', () => {
    const options = fit(
      ...['--train', 'a.csv', '--test', 'b.csv', '--target', 'y1, y2', '--kernel', 'laplace-q', '--bandwidth', '2.5'],
      ...['--exponent', '1.5', '--reg', '0', '--iters', '3', '--norm', 'sqrt', '--diag', '--center', '--sample', '100'],
      ...['--spectrum', '16', '--seed', '-4', '--task', 'classification', '--backend', 'cpu', '--out', 'r.json'],
    );
    expect(options).toMatchObject({
      test: 'b.csv',
      targets: ['y1', 'y2'],
      task: 'classification',
      backend: 'cpu',
      out: 'r.json',
    });
    expect(options.rfm).toEqual({
      kernel: 'laplace-q',
      bandwidth: 2.5,
      exponent: 1.5,
      ridge: 0,
      iterations: 3,
      convention: 'sqrt',
      diagonal: true,
      centering: true,
      agopSampleSize: 100,
      spectrumSize: 16,
      seed: -4,
    });
  });

  it('answers --help at the top level and for fit', () => {
    expect(parseCommandLine(['--help'])).toEqual({ kind: 'help', topic: 'main' });
    expect(parseCommandLine(['fit', '--help'])).toEqual({ kind: 'help', topic: 'fit' });
    expect(parseCommandLine(['fit', '-h', '--kernel', 'foo'])).toEqual({ kind: 'help', topic: 'fit' });
  });

  it.each([
    [
      ['fit', '--train', 'a.csv', '--target', 'y', '--kernel', 'foo'],
      'invalid --kernel "foo": use laplace, gaussian or laplace-q',
    ],
    [
      ['fit', '--train', 'a.csv', '--target', 'y', '--bandwidth', '-1'],
      'invalid --bandwidth -1: the bandwidth must be a number > 0',
    ],
    [
      ['fit', '--train', 'a.csv', '--target', 'y', '--bandwidth', 'wide'],
      'invalid --bandwidth wide: the bandwidth must be a number > 0',
    ],
    [
      ['fit', '--train', 'a.csv', '--target', 'y', '--reg', '-1e-3'],
      'invalid --reg -1e-3: the ridge must be a number >= 0',
    ],
    [
      ['fit', '--train', 'a.csv', '--target', 'y', '--iters', '2.5'],
      'invalid --iters 2.5: the number of updates must be an integer >= 0',
    ],
    [
      ['fit', '--train', 'a.csv', '--target', 'y', '--norm', 'median'],
      'invalid --norm "median": use mean, max or sqrt',
    ],
    [
      ['fit', '--train', 'a.csv', '--target', 'y', '--exponent', '1.5'],
      '--exponent applies only to --kernel laplace-q (the kernel is laplace)',
    ],
    [
      ['fit', '--train', 'a.csv', '--target', 'y', '--kernel', 'laplace-q', '--exponent', '3'],
      'invalid --exponent 3: the exponent must satisfy 0 < q <= 2',
    ],
    [['fit', '--train', 'a.csv', '--target', 'y', '--backend', 'webgl'], 'invalid --backend "webgl": use wasm or cpu'],
    [['fit', '--train', 'a.csv', '--target', 'y', '--frobnicate'], 'unknown option --frobnicate'],
    [['fit', '--train', 'a.csv', '--target', 'y', '--diag=yes'], '--diag is a switch and takes no value'],
    [['fit', '--train', 'a.csv', '--target'], '--target needs a value'],
    [['fit', '--target', 'y'], '--train FILE is required'],
    [['fit', '--train', 'a.csv'], '--target is required (the name of the target column, or several comma-separated)'],
    [['fit', '--train', 'a.csv', '--target', 'y,'], 'invalid --target "y,": empty column name'],
    [['fit', 'extra', '--train', 'a.csv', '--target', 'y'], 'unexpected argument "extra"'],
    [['predict'], 'unknown command "predict"'],
    [[], 'no command given'],
  ])('rejects %j with a usage error', (argv, message) => {
    expect(usageMessage(argv)).toBe(message);
  });
});
