/** The a11y specs' axe helper (e2e/axe.ts) reports what it should: a check that can fail, on a page made to fail. */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { SCANNED_IN_THEIR_OWN_TESTS, seriousViolations } from './axe';

test('the axe helper reports a nameless button and an image without alt, and nothing on a clean page', async ({
  page,
}) => {
  await page.setContent(
    '<html lang="en"><head><title>t</title></head><body><main><button></button><img src="x.png"></main></body></html>',
  );
  const found = await seriousViolations(page);
  expect(found.map((line) => line.split(' ')[0])).toEqual(expect.arrayContaining(['button-name', 'image-alt']));
  await page.setContent(
    '<html lang="en"><head><title>t</title></head><body><main><button>Go</button></main></body></html>',
  );
  expect(await seriousViolations(page)).toEqual([]);
});

test('each preset that e2e/a11y.spec.ts leaves to its own test is scanned there', () => {
  for (const [preset, spec] of Object.entries(SCANNED_IN_THEIR_OWN_TESTS)) {
    const source = readFileSync(new URL(`./${spec}.spec.ts`, import.meta.url), 'utf8');
    expect(source, `${spec}.spec.ts scans the ${preset} preset`).toContain(
      `expectNoSeriousViolations(page, '${preset}')`,
    );
  }
});
