/**
 * Digits with the same number of images per digit, as Deep RFM's neural-collapse measures want equal
 * classes: for each digit in turn, `perClass` images drawn (a seeded permutation) from its training pool
 * (digits.ts: the first 80% of each digit's images). scripts/deeprfm_reference.py draws the same images.
 */
import { createRandom, permutation } from '../../core/random';
import { DataError } from '../errors';
import { DIGIT_LABELS, DIGITS_TRAIN_SHARE, MNIST_SIDE, loadMnistImages } from './digits';

export interface LabelledPoints {
  /** [n, d] row-major */
  x: Float32Array;
  n: number;
  d: number;
  /** Class of each row, 0 .. classes - 1. */
  labels: Int32Array;
  classes: number;
  classLabels: string[];
}

const PIXELS = MNIST_SIDE * MNIST_SIDE;

/** n = 10 perClass images of 28 x 28 pixels in [0, 1], digit by digit (0s first). */
export async function loadBalancedDigits(perClass: number, seed: number): Promise<LabelledPoints> {
  const images = await loadMnistImages();
  const random = createRandom(seed);
  const classes = DIGIT_LABELS.length;
  const x = new Float32Array(classes * perClass * PIXELS);
  const labels = new Int32Array(classes * perClass);
  images.forEach((data, digit) => {
    const pool = Math.floor((data.length / PIXELS) * DIGITS_TRAIN_SHARE);
    if (!Number.isInteger(perClass) || perClass < 1 || perClass > pool)
      throw new DataError(`Images per digit must be a whole number from 1 to ${pool}, not ${perClass}.`);
    const order = permutation(pool, random);
    for (let i = 0; i < perClass; i++) {
      const row = digit * perClass + i;
      x.set(data.subarray(order[i]! * PIXELS, (order[i]! + 1) * PIXELS), row * PIXELS);
      labels[row] = digit;
    }
  });
  return { x, n: labels.length, d: PIXELS, labels, classes, classLabels: DIGIT_LABELS.slice() };
}
