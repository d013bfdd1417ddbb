/**
 * A random sample of a CSV's rows, as CSV text again (header first, rows in file order), for a file over
 * the row limit that the user chose to sample rather than drop. Rows are read with the CSV parser, so a
 * quoted cell that spans lines stays one row. Seeded: the same file and seed give the same sample.
 */
import Papa from 'papaparse';
import { createRandom, permutation } from '../../core/random';
import { CsvError } from './parseCsv';

export function sampleCsvRows(name: string, text: string, rows: number, seed: number): { text: string; total: number } {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = Papa.parse<string[]>(source, { header: false, skipEmptyLines: 'greedy' });
  const records = parsed.data;
  const header = records[0];
  if (!header) throw new CsvError(`${name} is empty; expected a header row and rows of numbers.`, name);
  const total = records.length - 1;
  if (total <= rows) return { text, total };
  const chosen = Array.from(permutation(total, createRandom(seed)).subarray(0, rows)).sort((a, b) => a - b);
  const sample = [header, ...chosen.map((i) => records[i + 1]!)];
  return { text: Papa.unparse(sample, { newline: '\n' }), total };
}
