/**
 * Loads the ConvRFM golden fixtures of ./fixtures (written by scripts/convrfm_reference.py, an independent
 * float64 numpy reference) as a Dataset and options. Test-only: reads with node:fs.
 */
import { readFileSync } from 'node:fs';
import type { Dataset } from '../types';
import type { ConvKernelName, ConvRfmOptions } from './convTypes';

export interface ConvFixture {
  description: string;
  options: {
    side: number;
    channels: number;
    patch: number;
    kernel: ConvKernelName;
    bandwidth: number;
    ridge: number;
    iterations: number;
  };
  data: {
    nTrain: number;
    nTest: number;
    c: number;
    xTrain: number[][];
    yTrain: number[][];
    xTest: number[][];
    yTest: number[][];
  };
  iterations: {
    iteration: number;
    trainMse: number;
    testMse: number;
    trainAccuracy: number;
    testAccuracy: number;
    /** [f][f] */
    M: number[][];
  }[];
  filters: { eigenvalue: number; filter: number[][]; sum: number }[];
}

export const CONV_FIXTURE_NAMES = ['gaussian-7x7', 'laplace-7x7'] as const;

export function loadConvFixture(name: (typeof CONV_FIXTURE_NAMES)[number]): {
  fixture: ConvFixture;
  data: Dataset;
  options: ConvRfmOptions;
} {
  const fixture = JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8')) as ConvFixture;
  const { data: raw, options: o } = fixture;
  const data: Dataset = {
    xTrain: Float32Array.from(raw.xTrain.flat()),
    yTrain: Float32Array.from(raw.yTrain.flat()),
    xTest: Float32Array.from(raw.xTest.flat()),
    yTest: Float32Array.from(raw.yTest.flat()),
    nTrain: raw.nTrain,
    nTest: raw.nTest,
    d: o.side * o.side * o.channels,
    c: raw.c,
    accuracy: 'argmax',
  };
  const options: ConvRfmOptions = {
    image: { height: o.side, width: o.side, channels: o.channels },
    patch: o.patch,
    kernel: o.kernel,
    bandwidth: o.bandwidth,
    ridge: o.ridge,
    iterations: o.iterations,
  };
  return { fixture, data, options };
}
