/**
 * The task a new CSV asks for, read from its target column: text labels ("cat", "class_0") or a few
 * distinct integers are classes; anything else is a regression target (a column mixing numbers and
 * text is not read: the full check names the cell that is not a number). Used when a file is uploaded
 * (worker/csvCheckWorker.ts), so a file of text labels is not refused as "not a number" under the default
 * task; the reason is shown beside the file, and the task select can still overrule it.
 */
import { readCsvHeader } from './csvHeader';
import { parseNumericCsv, type NumericTable } from './parseCsv';
import type { DetectedTask } from '../../protocol/csvCheck';
import { resolveTargets } from './tableDataset';

/** The most distinct integer values a target may hold and still be read as class labels. */
export const MAX_DETECTED_CLASSES = 20;

export type { DetectedTask } from '../../protocol/csvCheck';

/** The task the target column asks for, or null where there is nothing to read it from (several targets, a bad file). */
export function detectTask(name: string, text: string, target: string): DetectedTask | null {
  let table: NumericTable;
  let column: string;
  try {
    const targets = resolveTargets({ name, columns: readCsvHeader(name, text) }, target);
    if (targets.length !== 1) return null; // several outputs: regression, or one-hot columns, as chosen
    column = targets[0]!;
    table = parseNumericCsv(text, { name, labelColumns: [column] });
  } catch {
    return null; // the full check says what is wrong with the file
  }
  const labels = table.labels?.[column];
  // Numbers among text ("2", "abc") read as a typo in a numeric column: the full check names the cell.
  if (labels?.some((label) => label.trim() !== '' && Number.isFinite(Number(label)))) return null;
  if (labels)
    return {
      task: 'classification',
      reason: `the target column "${column}" holds text labels (${labels.length} classes)`,
    };
  const j = table.columns.indexOf(column);
  const distinct = new Set<number>();
  let integers = true;
  for (let i = 0; i < table.rows && integers; i++) {
    const value = table.values[i * table.columns.length + j]!;
    integers = Number.isInteger(value);
    if (distinct.size <= MAX_DETECTED_CLASSES) distinct.add(value);
  }
  if (integers && distinct.size <= MAX_DETECTED_CLASSES && 2 * distinct.size <= table.rows)
    return {
      task: 'classification',
      reason: `the target column "${column}" holds ${distinct.size} integer labels`,
    };
  return { task: 'regression', reason: `the target column "${column}" holds numbers` };
}
