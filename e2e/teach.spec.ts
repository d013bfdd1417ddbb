/**
 * Teaching with the explorer: a phone-sized window, a keyboard-only run of the default demo, captions that
 * state the actual run, classroom mode with its walk-through, and the chart value tables. Screenshots go
 * to test-results/ (projector, phone, dark) for a person to look at.
 */
import { expect, test, type Page } from '@playwright/test';
import { PRESET_NAMES } from '../src/params/schema';
import { openApp, waitForStatus } from './helpers';
import { replayed } from './replay';

replayed(test);

test.describe('on a 390 x 844 phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('nothing overflows sideways, the first panel comes first and a tap on M shows the value', async ({ page }) => {
    await openApp(page, { n: 300, ntest: 100, iters: 2 });
    await waitForStatus(page, 'finished');
    // Against the device width, not innerWidth: a mobile browser widens its layout viewport to fit content
    // that overflows, so innerWidth grows with the overflow it should reveal.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(overflow).toBeLessThanOrEqual(390);
    // Every header control is on screen (a header row that did not wrap pushed the theme and keyboard controls
    // past the right edge).
    const offScreen = await page.evaluate(() =>
      [...document.querySelectorAll('header.top button, header.top select')]
        .filter((el) => el.getBoundingClientRect().right > 390.5)
        .map((el) => el.getAttribute('aria-label') ?? el.textContent),
    );
    expect(offScreen).toEqual([]);
    // Results first: the M panel's top is above the controls' drawer and within the first two screens.
    const panelTop = (await page.getByRole('region', { name: 'feature matrix', exact: true }).boundingBox())!.y;
    const drawerTop = (await page.getByTestId('controls-drawer').boundingBox())!.y;
    expect(panelTop).toBeLessThan(drawerTop);
    expect(panelTop).toBeLessThan(844 * 1.5);
    // Touch targets: the run buttons are at least 44 px tall.
    for (const id of ['play', 'step', 'reset']) {
      expect((await page.getByTestId(id).boundingBox())!.height).toBeGreaterThanOrEqual(44);
    }
    const cells = page.getByTestId('heatmap-cells');
    await cells.scrollIntoViewIfNeeded();
    await cells.tap({ position: { x: 5, y: 5 } });
    await expect(page.getByTestId('heatmap-caption')).toContainText('M[x1, x1] =');
    await page.screenshot({ path: 'test-results/phone-390x844.png' });
  });

  test('every experiment is findable: one select names all of them, and choosing one applies it', async ({ page }) => {
    await openApp(page, { n: 300, ntest: 100, iters: 1 });
    const select = page.getByRole('combobox', { name: 'experiment' });
    await expect(select).toBeInViewport();
    await expect(select.locator('option')).toHaveCount(PRESET_NAMES.length);
    // No preset button sits off screen in a sideways strip.
    const hiddenButtons = await page
      .getByRole('navigation', { name: 'experiments' })
      .getByRole('button')
      .evaluateAll((buttons) => buttons.filter((b) => b.getBoundingClientRect().right > 390.5).length);
    expect(hiddenButtons).toBe(0);
    await select.selectOption('iris');
    await expect.poll(() => new URL(page.url()).searchParams.get('preset')).toBe('iris');
  });
});

test("the side column's formulas fit it: each displayed line within the 234 px column, or a focusable scroller", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page, { n: 300, ntest: 100, iters: 1 });
  // Opened once the run is over: a click while the run's captions still appear above it missed the summary
  // on a busy machine (the box stayed closed).
  await waitForStatus(page, 'finished');
  const aside = page.getByTestId('how-it-works-aside');
  await aside.locator('summary').click();
  await expect(aside).toHaveJSProperty('open', true);
  await expect(aside.locator('.tex-block .katex').first()).toBeVisible();
  await expect(aside.locator('.tex-block code')).toHaveCount(0);
  const blocks = await aside.locator('.tex-block').evaluateAll((els) =>
    els.map((el) => ({
      scroll: el.scrollWidth,
      client: el.clientWidth,
      focusable: el.tabIndex >= 0,
      label: el.getAttribute('aria-label'),
    })),
  );
  expect(blocks.length).toBeGreaterThan(4);
  for (const block of blocks) {
    expect(block.scroll, JSON.stringify(block)).toBeLessThanOrEqual(block.client + 1);
    expect(block.focusable && block.label).toBeTruthy();
  }
});

test('the default demo runs from the keyboard alone', async ({ page }) => {
  await openApp(page, { n: 300, ntest: 100, iters: 3, autoplay: 0 });
  await expect(page.getByTestId('backend-name')).toBeVisible({ timeout: 60_000 });
  const announcer = page.getByTestId('run-announcer');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('app')).toHaveAttribute('data-run-state', 'paused', { timeout: 60_000 });
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-records', '1');
  await expect(announcer).toContainText('Paused after 1 of 4 iterations');
  await page.keyboard.press(' ');
  await expect(page.getByTestId('app')).toHaveAttribute('data-run-state', 'finished', { timeout: 120_000 });
  await expect(announcer).toContainText('Finished 4 iterations');
  // The scrubber takes left and right once focused (tabbed to, not clicked).
  const scrubber = page.getByTestId('iteration-scrubber');
  await scrubber.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('scrubber-label')).toContainText('iteration 2');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.keyboard.press('r');
  await expect(page.getByTestId('app')).toHaveAttribute('data-run-state', 'idle');
  await expect(announcer).toContainText('Reset');
});

test('the caption states the actual dimension and the outcome of the run', async ({ page }) => {
  await openApp(page, { d: 20, n: 300, ntest: 100, iters: 2 });
  await expect(page.getByTestId('preset-caption')).toContainText('in 20 dimensions');
  await waitForStatus(page, 'finished');
  await expect(page.getByTestId('preset-outcome')).toContainText(/test MSE .* → .*(lower|no better)/);
});

test('every chart of the default demo has its values in a table reachable by keyboard', async ({ page }) => {
  await openApp(page, { n: 300, ntest: 100, iters: 1 });
  await waitForStatus(page, 'finished');
  for (const id of ['matrix-values', 'error-values', 'spectrum-values']) {
    const details = page.getByTestId(id);
    await details.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect(details.locator('table tbody tr').first()).toBeVisible();
  }
  await expect(page.getByTestId('error-values').locator('tbody tr')).toHaveCount(2);
  await expect(page.getByTestId('how-to-read-m')).toContainText('How to read this');
});

test('classroom mode: projector type, two panels at a time, a walk-through advanced by keyboard', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page, { classroom: 1, hide: 'data,model,backend', n: 300, ntest: 100, iters: 2 });
  await waitForStatus(page, 'finished');
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('18px');
  await expect(page.getByRole('region', { name: 'feature matrix', exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'kernel spectrum' })).toBeHidden();
  await page.keyboard.press('PageDown');
  await expect(page.getByRole('region', { name: 'kernel spectrum' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'feature matrix', exact: true })).toBeHidden();
  await page.keyboard.press('PageUp');
  await page.getByTestId('walkthrough-start').click();
  await expect(page.getByTestId('walkthrough-text')).toContainText('Step 1 of 5');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('n');
  await expect(page.getByTestId('walkthrough-text')).toContainText('Step 2 of 5');
  await expect(page.getByTestId('walkthrough-text')).toContainText('x1, x2 and x3');
  await expect(page.getByTestId('walkthrough')).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: 'test-results/classroom-1280x720.png' });
});

/** The step card and the panel it points at: both on screen, the card beside or just above the panel. */
async function expectCardBesidePanel(page: Page, panelName: string) {
  const card = page.getByTestId('walkthrough');
  const panel = page.getByRole('region', { name: panelName, exact: true });
  await expect(panel).toHaveAttribute('data-highlight', 'true');
  await expect(card).toBeInViewport({ ratio: 1 });
  await expect(panel).toBeInViewport({ ratio: 0.3 });
  const c = (await card.boundingBox())!;
  const p = (await panel.boundingBox())!;
  const gap = Math.max(p.x - (c.x + c.width), c.x - (p.x + p.width), p.y - (c.y + c.height), 0);
  expect(gap, `card ${JSON.stringify(c)} beside panel ${JSON.stringify(p)}`).toBeLessThan(40);
}

for (const [width, height] of [
  [1280, 720],
  [390, 844],
] as const) {
  test(`the walk-through at ${width} x ${height}: each step beside its panel, focused, Esc ends it, step 1 true of the run`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    await openApp(page, { n: 300, ntest: 100, iters: 2 });
    await waitForStatus(page, 'finished');
    await page.getByTestId('walkthrough-start').click();
    const text = page.getByTestId('walkthrough-text');
    await expect(text).toContainText('Step 1 of 5');
    // Over a finished run step 1 says so, in the past tense, instead of "M = I ... press space to train".
    await expect(text).toContainText('This run has finished');
    await expect(text).toContainText('Iteration 0 was the plain laplace kernel');
    await expect(text).not.toContainText('Press space to train');
    await expect(page.getByTestId('walkthrough')).toBeFocused();
    await expectCardBesidePanel(page, 'feature matrix');
    await page.screenshot({ path: `test-results/walkthrough-step1-${width}x${height}.png` });
    for (const [step, panel] of [
      [2, 'feature matrix'],
      [3, 'error curves'],
      [4, 'kernel spectrum'],
      [5, 'metrics'],
    ] as const) {
      await page.keyboard.press('n');
      await expect(text).toContainText(`Step ${step} of 5`);
      await expect(page.getByTestId('walkthrough')).toBeFocused();
      await expectCardBesidePanel(page, panel);
    }
    await page.screenshot({ path: `test-results/walkthrough-step5-${width}x${height}.png` });
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('walkthrough')).toHaveCount(0);
    await expect(page.getByTestId('walkthrough-start')).toBeFocused();
    await expect(page.locator('[data-highlight]')).toHaveCount(0);
  });
}

test('the walk-through speaks to an idle run: step 1 asks for space, and follows the run once it starts', async ({
  page,
}) => {
  await openApp(page, { n: 300, ntest: 100, iters: 2, autoplay: 0 });
  await expect(page.getByTestId('backend-name')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('walkthrough-start').click();
  const text = page.getByTestId('walkthrough-text');
  await expect(text).toContainText('Iteration 0 is the plain laplace kernel: M = I');
  await expect(text).toContainText('Press space to train');
  await page.keyboard.press(' ');
  await waitForStatus(page, 'finished');
  await expect(text).toContainText('This run has finished (iterations 0 to 2)');
});

test('dark mode follows the system and the toggle, and stays readable', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openApp(page, { n: 300, ntest: 100, iters: 2 });
  await waitForStatus(page, 'finished');
  const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(await background()).toBe('rgb(13, 17, 23)');
  await page.getByTestId('theme').selectOption('light');
  expect(await background()).toBe('rgb(246, 248, 250)');
  await expect.poll(() => new URL(page.url()).searchParams.get('theme')).toBe('light');
  await page.getByTestId('theme').selectOption('dark');
  await page.screenshot({ path: 'test-results/dark.png', fullPage: false });
});
