/**
 * A runs file is validated whole (issue 18): each hostile or broken field is refused with a message that
 * names the run and the field, and a valid file still round-trips.
 */
import { describe, expect, it } from 'vitest';
import { demoRun } from './demoRecords.testing';
import { ImportError, exportRuns, importRuns } from './serialise';

type Doc = { runs: Record<string, unknown>[] & { records: Record<string, unknown>[] }[] };
type Run = Record<string, unknown> & { records: Record<string, unknown>[]; params: Record<string, unknown> };

/** A two-run file (d = 10, 6 records each) with `change` applied to the parsed document. */
function file(change: (runs: Run[]) => void): string {
  const doc = JSON.parse(exportRuns([demoRun('a', 1), demoRun('b', 2, { name: 'second' })])) as Doc;
  change(doc.runs as unknown as Run[]);
  return JSON.stringify(doc);
}

const f32 = (values: number[]) => ({ $f32: Buffer.from(Float32Array.from(values).buffer).toString('base64') });

const CASES: [string, (runs: Run[]) => void, RegExp][] = [
  [
    'kernel "banana"',
    (r) => void (r[1]!.params.kernel = 'banana'),
    /run 2 \("second"\)\.params\.kernel: invalid kernel/,
  ],
  ['L "ten"', (r) => void (r[1]!.params.L = 'ten'), /run 2 .*\.params\.L: must be a number, not "ten"/],
  ['L -5', (r) => void (r[0]!.params.L = -5), /run 1 \("run a"\)\.params\.L: L must be between/],
  ['n 1e9', (r) => void (r[0]!.params.n = 1e9), /run 1 .*\.params\.n: n must be between 10 and 20000/],
  ['iters 1e6', (r) => void (r[0]!.params.iters = 1e6), /\.params\.iters: iters must be between 1 and 500 \(or 0\)/],
  [
    'data contradicting the preset',
    (r) => void (r[0]!.params.data = 'text'),
    /\.params\.data: data=text contradicts the seed preset \(its data is synthetic\)/,
  ],
  ['an unknown parameter', (r) => void (r[0]!.params.evil = 1), /run 1 .*\.params: has an unknown field "evil"/],
  [
    'MSE as text',
    (r) => void (r[1]!.records[2]!.trainMse = '0.1'),
    /run 2 .*\.records\[2\]\.trainMse: must be a finite number, not "0.1"/,
  ],
  [
    'M with NaN',
    (r) => void (r[0]!.records[1]!.M = f32([...Array(99).fill(0), NaN])),
    /run 1 .*\.records\[1\]\.M\[99\]: must be a finite number, not NaN/,
  ],
  [
    'M not d x d',
    (r) => void (r[0]!.records[1]!.M = f32([1, 2, 3, 4])),
    /\.records\[1\]\.M: holds 4 values, not d x d = 100/,
  ],
  [
    'M larger than d x d',
    (r) => void (r[0]!.records[1]!.M = f32(Array(121).fill(1))),
    /\.records\[1\]\.M: holds more than 100 values/,
  ],
  [
    'missing eigenvalues',
    (r) => void delete r[0]!.records[4]!.mEigenvalues,
    /run 1 .*\.records\[4\]\.mEigenvalues: is missing/,
  ],
  [
    'eigenvalues not an array',
    (r) => void (r[0]!.records[4]!.kernelEigenvalues = [1, 2]),
    /\.records\[4\]\.kernelEigenvalues: must be an object/,
  ],
  [
    'bad base64',
    (r) => void (r[0]!.records[0]!.M = { $f32: 'AAAA!!!=' }),
    /run 1 .*\.records\[0\]\.M: is not valid base64/,
  ],
  [
    'base64 of a partial float',
    (r) => void (r[0]!.records[0]!.M = { $f32: 'AAA=' }),
    /\.records\[0\]\.M: holds 2 bytes/,
  ],
  ['duplicate ids', (r) => void (r[1]!.id = 'a'), /run 2 .*\.id: "a" is the id of an earlier run/],
  [
    'a colour that is not in the palette',
    (r) => void (r[0]!.color = 'url(https://example.com/x)'),
    /run 1 .*\.color: "url\(https:\/\/example.com\/x\)" is not a colour of the palette/,
  ],
  ['an unknown run field', (r) => void (r[0]!.html = '<img onerror=x>'), /run 1 .*: has an unknown field "html"/],
  [
    'an unknown record field',
    (r) => void (r[0]!.records[0]!.extra = 1),
    /\.records\[0\]: has an unknown field "extra"/,
  ],
  [
    'a d that differs between records',
    (r) => void (r[0]!.records[3]!.d = 9),
    /\.records\[3\]\.d: must be between 10 and 10/,
  ],
  [
    'an accuracy above 1',
    (r) => void (r[0]!.records[3]!.testAccuracy = 7),
    /\.records\[3\]\.testAccuracy: must be between 0 and 1/,
  ],
  [
    'a name with a control character',
    (r) => void (r[0]!.name = 'a\u2028b'),
    /run 1 \("a\\u2028b"\)\.name: holds a control character/,
  ],
  [
    'a 100 kB name',
    (r) => void (r[0]!.name = 'x'.repeat(100_000)),
    /run 1 \("x{40}… \(100000 characters\)"\)\.name: is longer than 300/,
  ],
  [
    'more records than iterations',
    (r) => void (r[0]!.records = Array(502).fill(r[0]!.records[0])),
    /\.records: has 502 entries, more than the 501 allowed/,
  ],
  [
    'a record past the run’s iterations',
    (r) => void (r[0]!.records[5]!.iteration = 50),
    /\.records\[5\]\.iteration: must be between 0 and 5/,
  ],
  ['runs not a list', (r) => void (r.length = 0), /./],
];

describe('a runs file', () => {
  it('round-trips when valid', () => {
    expect(importRuns(file(() => {})).map((r) => r.id)).toEqual(['a', 'b']);
  });

  it.each(CASES.filter(([name]) => name !== 'runs not a list'))(
    'is refused for %s, naming the run and the field',
    (_name, change, message) => {
      expect(() => importRuns(file(change))).toThrow(ImportError);
      expect(() => importRuns(file(change))).toThrow(message);
    },
  );

  it('is refused for an MSE of Infinity (1e999 in JSON)', () => {
    const text = file(() => {}).replace(/"testMse":[^,]+/, '"testMse":1e999');
    expect(() => importRuns(text)).toThrow(/run 1 .*\.records\[0\]\.testMse: must be a finite number, not Infinity/);
  });

  it('is refused whole when larger than the import limit, before it is parsed', () => {
    expect(() => importRuns(' '.repeat(80 * 1024 * 1024))).toThrow(
      /the file is 80.0 MB; a runs file may be at most 75 MB/,
    );
  });

  it('is refused when it has fields beside format, version and runs', () => {
    const doc = JSON.parse(file(() => {})) as Record<string, unknown>;
    expect(() => importRuns(JSON.stringify({ ...doc, script: 'x' }))).toThrow(
      /the file: has an unknown field "script"/,
    );
  });
});
