/**
 * A CSV's task follows its target column: text labels uploaded under the default task (regression) train
 * as classification and the app says why; choosing the task by hand reads the file again under it.
 */
import { expect, test } from '@playwright/test';
import { openApp, waitForStatus } from './helpers';
import { replayed } from './replay';

replayed(test);

/** Three classes by the sign pattern of two features, labelled class_0..class_2. */
function labelledCsv(rows: number): string {
  const lines = Array.from({ length: rows }, (_, i) => {
    const x1 = Math.sin(1.3 * i);
    const x2 = Math.cos(0.7 * i);
    const label = x1 > 0.3 ? 0 : x2 > 0 ? 1 : 2;
    return `${x1.toFixed(4)},${x2.toFixed(4)},class_${label}`;
  });
  return ['x1,x2,species', ...lines].join('\n');
}

test('text labels under the default task train as classification, and a task change re-reads the file', async ({
  page,
}) => {
  await openApp(page, { preset: 'csv', iters: 2 });
  const task = page.getByTestId('param-task');
  await expect(task).toHaveValue('regression');
  await page.getByTestId('csv-file').setInputFiles({
    name: 'labels.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(labelledCsv(90), 'utf8'),
  });
  // Before: '"class_0" is not a number' beside "No file yet".
  await expect(page.getByTestId('csv-current')).toContainText('Training on labels.csv');
  await expect(task).toHaveValue('classification');
  await expect(page.getByTestId('csv-task')).toHaveText(
    'Task: classification, since the target column "species" holds text labels (3 classes).',
  );
  await expect(page.getByTestId('csv-error')).toHaveCount(0);
  await waitForStatus(page, 'finished');
  await expect(page.getByTestId('confusion-matrix')).toBeVisible();

  // Regression by hand: the file is read again under it, and says why it cannot be.
  await task.selectOption('regression');
  await expect(page.getByTestId('csv-error')).toContainText(
    /"class_\d" is not a number\. Since the target column "species" holds text labels \(3 classes\), choose the task classification\./,
  );
  await expect(page.getByTestId('csv-task')).toHaveCount(0);
  // And back: read again, accepted, the message gone.
  await task.selectOption('classification');
  await expect(page.getByTestId('csv-error')).toHaveCount(0);
  await expect(page.getByTestId('csv-current')).toContainText('Training on labels.csv');
  await waitForStatus(page, 'finished');
});
