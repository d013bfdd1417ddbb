/** Shared steps for the end-to-end specs: open the app with parameters, wait for a run, read the table. */
import { expect, type Page } from '@playwright/test';

export interface RowMetrics {
  iteration: number;
  trainMse: number;
  testMse: number;
  testAcc: number | null;
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
        };
      }),
    );
}

/** The run state every page of the app carries on its root (`data-run-state`): idle, running, paused, finished, failed. */
export async function waitForRunState(page: Page, state: string, timeout = 150_000): Promise<void> {
  await expect(page.locator('[data-run-state]').first()).toHaveAttribute('data-run-state', state, { timeout });
}
