// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Quick exit on the portal page: the button, and Shift pressed three times
// within five seconds, blank the page at once and leave for the neutral site,
// and Back does not bring the page back. The neutral site is answered here,
// so no request leaves the machine.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertClean, baseUrl, checkPage, heading, launch, newContext } from './lib.mjs';

const kExit = 'https://www.bbc.co.uk/weather';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

// A context where the neutral site answers locally, after `delayMs`.
async function exitContext(delayMs = 0) {
  const context = await newContext(browser, { locale: 'en-GB', allow: [kExit] });
  const arrived = [];
  await context.route(`${kExit}**`, async (route) => {
    arrived.push(route.request().url());
    if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
    await route.fulfill({
      status: 200,
      contentType: 'text/html',
      body: '<!doctype html><title>Weather</title><h1>Weather</h1>',
    });
  });
  return { context, arrived };
}

async function openPortal(page) {
  // A page of this origin first, so that Back has somewhere to go.
  await page.goto(`${baseUrl}/healthz`);
  const answer = await page.goto(`${baseUrl}/portal`);
  assert.equal(answer.headers()['cache-control'], 'no-store');
  assert.equal(await heading(page), 'Your onestory');
}

describe('quick exit', () => {
  test('the button blanks the page at once, leaves, and Back does not return to it', async () => {
    // The neutral site is slow to answer, so the blank page can be seen.
    const { context, arrived } = await exitContext(1500);
    const page = await context.newPage();
    await openPortal(page);
    const button = page.getByRole('link', { name: 'Exit this page' });
    assert.equal(await button.getAttribute('href'), kExit, 'works without scripts too');
    await checkPage(page, 'portal');
    const entries = await page.evaluate(() => history.length);

    // Clicked from inside the page, so the state right after the click (in
    // the same task, before any navigation) can be read.
    const blank = await page.evaluate(() => {
      document.querySelector('.quick-exit-button').click();
      return {
        children: document.body.childElementCount,
        text: document.body.innerText.trim(),
        title: document.title,
        path: location.pathname,
      };
    });
    assert.deepEqual(blank, { children: 0, text: '', title: '', path: '/portal' });
    await page.waitForURL(`${kExit}**`);
    assert.equal(await page.locator('h1').innerText(), 'Weather');
    assert.deepEqual(arrived, [kExit]);

    await page.goBack();
    assert.equal(new URL(page.url()).pathname, '/healthz', 'Back skips the portal page');
    assert.doesNotMatch(await page.content(), /Your onestory/);
    assert.equal(await page.evaluate(() => history.length), entries, 'the portal entry was replaced, not added to');
    assertClean(context);
    await context.close();
  });

  test('Shift pressed three times within five seconds leaves; slower presses do not', async () => {
    const { context, arrived } = await exitContext();
    const page = await context.newPage();
    await page.clock.install();
    await openPortal(page);
    await page.locator('main h1').focus();

    // Two presses, then a pause longer than five seconds, then one more: stay.
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    assert.match(await page.locator('.quick-exit [aria-live]').innerText(), /press 1 more time to exit/);
    await page.clock.fastForward(6000);
    await page.keyboard.press('Shift');
    // Another key between presses starts the count again.
    await page.keyboard.press('Shift');
    await page.keyboard.press('a');
    await page.keyboard.press('Shift');
    assert.equal(new URL(page.url()).pathname, '/portal');
    assert.deepEqual(arrived, []);

    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.waitForURL(`${kExit}**`);
    assert.deepEqual(arrived, [kExit]);
    await page.goBack();
    assert.equal(new URL(page.url()).pathname, '/healthz');
    assertClean(context);
    await context.close();
  });

  test('the exit speaks the user’s language and answers a mouse click', async () => {
    const { context } = await exitContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/portal?lang=es`);
    assert.equal(await heading(page), 'Su onestory');
    await checkPage(page, 'portal-es');
    // A real click, by mouse.
    await page.getByRole('link', { name: 'Salir de esta página' }).click();
    await page.waitForURL(`${kExit}**`);
    await page.goBack();
    assert.doesNotMatch(await page.content(), /Su onestory/);
    assertClean(context);
    await context.close();
  });
});
