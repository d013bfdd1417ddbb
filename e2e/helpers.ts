/** Shared steps for the end-to-end specs: open the app with parameters, wait for a run, read the table. */
import { spawnSync } from 'node:child_process';
import { expect, type Locator, type Page } from '@playwright/test';

export interface RowMetrics {
  iteration: number;
  trainMse: number;
  testMse: number;
  testAcc: number | null;
  /** Live tensors in the worker after the iteration. */
  tensors: number;
  /** Bytes in the WebGPU buffer pool after the iteration (null off webgpu). */
  gpuBytes: number | null;
}

export async function openApp(page: Page, query: Record<string, string | number> = {}): Promise<void> {
  const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  await page.goto(`/?${search.toString()}`);
  await expect(page.getByRole('heading', { name: 'RFM Explorer' })).toBeVisible();
}

export async function waitForStatus(page: Page, status: string, timeout = 150_000): Promise<void> {
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', status, { timeout });
}

export async function readMetrics(page: Page): Promise<RowMetrics[]> {
  return page
    .getByTestId('metrics-table')
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row, iteration) => {
        const el = row as HTMLElement;
        const acc = el.dataset.testAcc;
        return {
          iteration,
          trainMse: Number(el.dataset.trainMse),
          testMse: Number(el.dataset.testMse),
          testAcc: acc === undefined || acc === '' ? null : Number(acc),
          tensors: Number(el.dataset.tensors),
          gpuBytes: el.dataset.gpuBytes ? Number(el.dataset.gpuBytes) : null,
        };
      }),
    );
}

/** The run state every page of the app carries on its root (`data-run-state`): idle, running, paused, finished, failed. */
export async function waitForRunState(page: Page, state: string, timeout = 150_000): Promise<void> {
  await expect(page.locator('[data-run-state]').first()).toHaveAttribute('data-run-state', state, { timeout });
}

/**
 * A panel's "Show values" table as a person reads it: opened from the panel's disclosure (`testId`), one object
 * per row keyed by the column headers of the table in the region `region`.
 */
export async function valuesTable(page: Page, testId: string, region: string): Promise<Record<string, string>[]> {
  await page.getByTestId(testId).getByText('Show values').click();
  const table = page.getByRole('region', { name: region }).getByRole('table');
  const headers = await table.getByRole('columnheader').allInnerTexts();
  const rows = await table
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('th, td'), (cell) => (cell as HTMLElement).innerText)),
    );
  return rows.map((cells) => Object.fromEntries(cells.map((text, i) => [headers[i] ?? `${i}`, text])));
}

/** Types a number into a parameter's control and commits it. */
export async function setNumber(page: Page, key: string, value: number): Promise<void> {
  const input = page.getByTestId(`param-${key}`);
  await input.fill(String(value));
  await input.press('Enter');
  await expect(input).toHaveValue(String(value));
}

/** The y of a line chart series' last point (its data-last-y). */
export async function lastY(chart: Locator, series: string): Promise<number> {
  return Number(await chart.locator(`path[data-series="${series}"]`).getAttribute('data-last-y'));
}

/** Whether python3 with numpy runs here: the tests that run an exported script skip, saying so, where not. */
export const hasNumpy = spawnSync('python3', ['-c', 'import numpy']).status === 0;
