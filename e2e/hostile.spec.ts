/**
 * Links and runs files are data, never code (issue 18), end to end: a link whose free-text parameter holds
 * Python and a runs file with hostile values. The link's stray value is refused with a notice; the hostile
 * file is refused naming the run and the field and changes nothing; a valid file with a hostile run name
 * imports as text. In each case Download Python gives a script that python3 runs in a temp folder without
 * executing anything planted (skipped only where python3 with numpy is missing).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { hasNumpy, openApp, waitForRunState } from './helpers';
import { replayed } from './replay';

replayed(test);

const MARKER = 'PLANTED_MARKER';
const planted = `"""; open("${MARKER}", "w").write("ran"); """`;
const SMALL = { n: 200, ntest: 50, iters: 1 };

async function downloadPython(page: Page): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download Python' }).click(),
  ]);
  return readFileSync((await file.path())!, 'utf8');
}

/** Runs the script in a fresh folder; returns its output and whether the planted marker appeared. */
function runScript(script: string): { stdout: string; stderr: string; planted: boolean } {
  const dir = mkdtempSync(join(tmpdir(), 'rfm-hostile-e2e-'));
  writeFileSync(join(dir, 'rfm_run.py'), script);
  const run = spawnSync('python3', ['rfm_run.py'], { cwd: dir, encoding: 'utf8' });
  return { stdout: run.stdout, stderr: run.stderr, planted: existsSync(join(dir, MARKER)) };
}

test('a hostile link: its stray values are refused with a notice, and the Python script runs nothing planted', async ({
  page,
}) => {
  await openApp(page, { ...SMALL, target: planted, kernel: `laplace${planted}`, L: `1${planted}` });
  await waitForRunState(page, 'finished');
  const banner = page.getByTestId('error-banner');
  await expect(banner).toContainText('is not used by the seed preset (only with data=csv): ignored');
  await expect(banner).toContainText('invalid kernel');
  await expect(banner).toContainText('L must be a number');
  const script = await downloadPython(page);
  expect(script).not.toContain(MARKER); // the stray target never reaches the script
  test.skip(!hasNumpy, 'python3 with numpy is not installed');
  const run = runScript(script);
  expect(run.stderr).toBe('');
  expect(run.stdout.trim().split('\n')).toHaveLength(3);
  expect(run.planted).toBe(false);
});

test('a hostile runs file is refused whole; a hostile run name imports as text and its script runs nothing planted', async ({
  page,
}) => {
  await openApp(page, SMALL);
  await waitForRunState(page, 'finished');
  const runs = page.getByRole('region', { name: 'Runs' });
  await expect(runs.getByRole('listitem')).toHaveCount(1);
  const [exported] = await Promise.all([
    page.waitForEvent('download'),
    runs.getByRole('button', { name: 'export runs' }).click(),
  ]);
  const doc = JSON.parse(readFileSync((await exported.path())!, 'utf8'));
  const original = doc.runs[0];
  const importFile = async (name: string, content: unknown) =>
    runs.getByLabel('runs file to import').setInputFiles({
      name,
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(content)),
    });

  // Hostile values: each file is refused, naming the run and the field, and nothing is added.
  const hostile: [Record<string, unknown>, RegExp][] = [
    [{ params: { ...original.params, kernel: `laplace${planted}` } }, /run 1 \(.*\)\.params\.kernel: invalid kernel/],
    [{ params: { ...original.params, L: `10\n${planted}` } }, /run 1 \(.*\)\.params\.L: must be a number/],
    [{ color: 'url(https://example.com/track)' }, /run 1 \(.*\)\.color: .* is not a colour of the palette/],
  ];
  for (const [change, message] of hostile) {
    await importFile('hostile.json', { ...doc, runs: [{ ...original, id: 'hostile', ...change }] });
    await expect(runs.getByRole('alert')).toContainText(message);
    await expect(runs.getByRole('listitem')).toHaveCount(1);
  }

  // A valid file whose run name is markup and Python: shown as text, never run.
  const name = `<img src=x onerror="window.__planted=1">${planted}`;
  await importFile('named.json', { ...doc, runs: [{ ...original, id: 'imported', name, createdAt: 1 }] });
  await expect(runs.getByRole('listitem')).toHaveCount(2);
  await expect(runs.getByRole('listitem', { name })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __planted?: number }).__planted)).toBeUndefined();
  await runs.getByRole('button', { name: `open ${name}` }).click();
  const script = await downloadPython(page);
  test.skip(!hasNumpy, 'python3 with numpy is not installed');
  const run = runScript(script);
  expect(run.stderr).toBe('');
  expect(run.planted).toBe(false);
});

test('a broken run in browser storage is left out with a message; the page keeps working', async ({ page }) => {
  await openApp(page, { ...SMALL, autoplay: 0 });
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('rfm-explorer');
        open.onupgradeneeded = () => open.result.createObjectStore('kept');
        open.onsuccess = () => {
          const tx = open.result.transaction('kept', 'readwrite');
          const broken = { id: 'evil', name: 'evil', color: 'url(https://example.com/x)', records: 'none' };
          tx.objectStore('kept').put(broken, 'run:evil');
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );
  await page.reload();
  const runs = page.getByRole('region', { name: 'Runs' });
  await expect(runs.getByRole('alert')).toContainText(
    '1 saved run was left out because it does not pass the runs schema (run 1 ("evil")',
  );
  await expect(runs.getByRole('listitem')).toHaveCount(0);
  await page.getByRole('button', { name: 'play', exact: true }).click();
  await waitForRunState(page, 'finished');
  await expect(runs.getByRole('listitem')).toHaveCount(1);
});
