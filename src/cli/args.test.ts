import { describe, expect, it } from 'vitest';
import { optionsFromParams } from '../experiments/options';
import { defaultParams } from '../params/schema';
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
  it('fills every model option from the schema defaults (features kept as they are)', () => {
    const options = fit('--train', 'a.csv', '--target', 'y');
    expect(options).toMatchObject({
      train: 'a.csv',
      test: null,
      targets: ['y'],
      task: 'regression',
      out: null,
      backend: 'wasm',
    });
    expect(options.rfm).toEqual(optionsFromParams(defaultParams()));
    expect(options.standardise).toBe(false);
  });

  it('takes the schema keys as flags as well as their long aliases', () => {
    const byKey = fit(...['--train', 'a.csv', '--target', 'y', '--L', '3', '--lambda', '0.5', '--val', '0.2', '--std']);
    const byAlias = fit(
      ...['--train', 'a.csv', '--target', 'y', '--bandwidth', '3', '--reg', '0.5', '--val-fraction', '0.2'],
      '--standardise',
    );
    expect(byKey).toEqual(byAlias);
    expect(byKey.rfm).toMatchObject({ bandwidth: 3, ridge: 0.5, validationFraction: 0.2, earlyStopping: false });
    expect(byKey.standardise).toBe(true);
    expect(fit('--train', 'a.csv', '--target', 'y', '--val-fraction', '0.25', '--early-stop').rfm).toMatchObject({
      validationFraction: 0.25,
      earlyStopping: true,
    });
  });

  it('maps every flag onto the engine options', () => {
    const options = fit(
      ...['--train', 'a.csv', '--test', 'b.csv', '--target', 'y1, y2', '--kernel', 'laplace-q', '--bandwidth', '2.5'],
      ...['--exponent', '1.5', '--reg', '0', '--iters', '3', '--norm', 'sqrt', '--diag', '--center', '--sample', '100'],
      ...['--spectrum', '16', '--seed', '4', '--task', 'classification', '--backend', 'cpu', '--out', 'r.json'],
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
      seed: 4,
      validationFraction: 0,
      earlyStopping: false,
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
      '--kernel: invalid kernel: foo (one of laplace, gaussian, laplace-q)',
    ],
    [
      ['fit', '--train', 'a.csv', '--target', 'y', '--bandwidth', '-1'],
      '--bandwidth: L must be between 0.01 and 1000, not -1',
    ],
    [
      ['fit', '--train', 'a.csv', '--target', 'y', '--bandwidth', 'wide'],
      '--bandwidth: L must be a number, not "wide"',
    ],
    [
      ['fit', '--train', 'a.csv', '--target', 'y', '--reg', '-1e-3'],
      '--reg: lambda must be between 1e-8 and 100 (or 0), not -1e-3',
    ],
    [['fit', '--train', 'a.csv', '--target', 'y', '--iters', '2.5'], '--iters: iters must be a whole number, not 2.5'],
    // The schema's ranges: these used to be accepted and then crashed or ran for days.
    [
      ['fit', '--train', 'a.csv', '--target', 'y', '--bandwidth', '1e-30'],
      '--bandwidth: L must be between 0.01 and 1000, not 1e-30',
    ],
    [
      ['fit', '--train', 'a.csv', '--target', 'y', '--bandwidth', '1e308'],
      '--bandwidth: L must be between 0.01 and 1000, not 1e308',
    ],
    [
      ['fit', '--train', 'a.csv', '--target', 'y', '--reg', '1e308'],
      '--reg: lambda must be between 1e-8 and 100 (or 0), not 1e308',
    ],
    [
      ['fit', '--train', 'a.csv', '--target', 'y', '--iters', '1e9'],
      '--iters: iters must be between 1 and 500 (or 0), not 1e9',
    ],
    [
      ['fit', '--train', 'a.csv', '--target', 'y', '--early-stop'],
      '--early-stop needs a validation split (--val-fraction, e.g. 0.2)',
    ],
    [
      ['fit', '--train', 'a.csv', '--target', 'y', '--norm', 'median'],
      '--norm: invalid norm: median (one of mean, max, sqrt)',
    ],
    [
      ['fit', '--train', 'a.csv', '--target', 'y', '--exponent', '1.5'],
      '--exponent applies only to --kernel laplace-q (the kernel is laplace)',
    ],
    [
      ['fit', '--train', 'a.csv', '--target', 'y', '--kernel', 'laplace-q', '--exponent', '3'],
      '--exponent: q must be between 0.05 and 2, not 3',
    ],
    [['fit', '--train', 'a.csv', '--target', 'y', '--backend', 'webgl'], 'invalid --backend "webgl": use wasm or cpu'],
    [['fit', '--train', 'a.csv', '--target', 'y', '--frobnicate'], 'unknown option --frobnicate'],
    // Values a preset does not use, or that contradict it, are refused as a link's are (issue 18).
    [['preset', 'seed', '--set', 'target=price'], 'target=price is not used by the seed preset (only with data=csv)'],
    [
      ['preset', 'seed', '--set', 'linrfm=completion'],
      'linrfm=completion contradicts the seed preset (a kernel RFM, not a lin-RFM problem)',
    ],
    [['preset', 'iris', '--set', 'data=text'], 'data=text contradicts the iris preset (its data is iris)'],
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
