// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// The caseload and its search; registering a survivor, with the duplicate
// check before anything is stored.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Api, assertClean, baseUrl, checkPage, heading, launch, newContext, signIn, unique } from './lib.mjs';

let browser;
let caseworker;
before(async () => {
  browser = await launch();
  caseworker = await Api.as('caseworker');
});
after(async () => {
  await browser?.close();
});

describe('caseload', () => {
  test('lists the cases the caseworker works on, and search narrows them by code name', async () => {
    const fromApi = (await caseworker.ok('GET', '/api/v1/cases?limit=500')).items;
    assert.ok(fromApi.length > 3, 'the demo gives the caseworker several cases');
    const context = await newContext(browser, { locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, 'caseworker');
    assert.equal(await heading(page), 'Your caseload');
    const rows = page.locator('tbody tr');
    await rows.first().waitFor();
    assert.equal(await rows.count(), fromApi.length);
    assert.equal(await page.locator('.count').innerText(), `${fromApi.length} cases`);
    const names = (await page.locator('tbody th a').allInnerTexts()).map((t) => t.trim());
    assert.deepEqual(new Set(names), new Set(fromApi.map((c) => c.survivor_code_name)));
    await checkPage(page, 'caseload');

    // Search by part of one code name, in another case of letters.
    const target = fromApi[Math.floor(fromApi.length / 2)].survivor_code_name;
    const fragment = target.split(' ')[1].toLowerCase();
    const expected = fromApi.filter((c) => c.survivor_code_name.toLowerCase().includes(fragment));
    await page.locator('#case-search').fill(fragment);
    await page.waitForFunction((n) => document.querySelectorAll('tbody tr').length === n, expected.length);
    const shown = (await page.locator('tbody th a').allInnerTexts()).map((t) => t.trim());
    assert.ok(shown.includes(target));
    assert.ok(shown.every((n) => n.toLowerCase().includes(fragment)));
    assert.match(await page.locator('.count').innerText(), new RegExp(`^${expected.length} cases? match`));
    await checkPage(page, 'caseload-search');

    await page.locator('#case-search').fill('zzz-no-such-name');
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 0);
    assert.equal(await page.locator('.count').innerText(), '0 cases match “zzz-no-such-name”');
    assertClean(context);
    await context.close();
  });

  test('at 360 px wide nothing scrolls sideways and every case is still reachable', async () => {
    const context = await newContext(browser, { locale: 'en-GB', viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await signIn(page, 'caseworker');
    await page.locator('tbody tr').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the caseload is ${overflow}px wider than the screen`);
    await checkPage(page, 'caseload-360', { fullPage: false });
    await page.locator('tbody th a').first().click();
    await page.locator('nav.tabs').waitFor();
    const caseOverflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(caseOverflow <= 0, `the case page is ${caseOverflow}px wider than the screen`);
    await checkPage(page, 'case-360', { fullPage: false });
    await page.goto(`${baseUrl}/survivors/new`);
    await heading(page);
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)) <= 0);
    await checkPage(page, 'register-360', { fullPage: false });
    assertClean(context);
    await context.close();
  });
});

describe('registering a survivor', () => {
  test('the duplicate check shows an existing registration before anything is stored', async () => {
    // Someone registered this person earlier (invented name and date).
    const legalName = unique('Amara Testperson');
    const existing = await caseworker.registerWithCase({
      code_name: unique('Existing Heron'),
      legal_name: legalName,
      birth_date: '1999-04-12',
    });
    const before = (await caseworker.ok('GET', '/api/v1/survivors?limit=500')).items.length;

    const context = await newContext(browser, { locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, 'caseworker');
    await page.getByRole('link', { name: 'Register a survivor' }).first().click();
    assert.equal(await heading(page), 'Register a survivor');
    await checkPage(page, 'register-check');

    await page.locator('#legal-name').fill(legalName);
    await page.locator('#birth-date').fill('1999-04-12');
    const [match] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/survivors/match')),
      page.getByRole('button', { name: 'Check', exact: true }).click(),
    ]);
    assert.equal(match.status(), 200);
    const warning = page.locator('.notice-warning');
    await warning.waitFor();
    assert.match(await warning.innerText(), /This person may already be registered/);
    assert.match(await warning.innerText(), new RegExp(existing.survivor.code_name));
    assert.match(await warning.innerText(), /registered by Harbour Light Aftercare/);
    await checkPage(page, 'register-duplicate');
    const open = warning.getByRole('link', { name: 'Open the case' });
    assert.equal(await open.getAttribute('href'), `/cases/${existing.kase.id}`);
    const after = (await caseworker.ok('GET', '/api/v1/survivors?limit=500')).items.length;
    assert.equal(after, before, 'the check stored nothing');

    await open.click();
    assert.equal(await heading(page), existing.survivor.code_name);
    assertClean(context);
    await context.close();
  });

  test('without a match the survivor is registered and a case opened, with the code name checked', async () => {
    const legalName = unique('Nadia Otherperson');
    const codeName = unique('Patient Crane');
    const context = await newContext(browser, { locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, 'caseworker');
    await page.goto(`${baseUrl}/survivors/new`);
    await heading(page);

    // Nothing entered: the error summary takes focus and links to the fields.
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    const summary = page.locator('.notice-error');
    await summary.waitFor();
    assert.match(await summary.innerText(), /There is a problem/);
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('notice-error')), true);
    await summary.getByRole('link', { name: 'Enter the legal name.' }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'legal-name');

    await page.locator('#legal-name').fill(legalName);
    await page.locator('#birth-date').fill('2001-09-30');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.locator('.notice-success', { hasText: 'No existing registration was found' }).waitFor();
    assert.equal(await page.locator('#code-name').count(), 1, 'the details form follows');

    // The code name must not be the legal name.
    await page.locator('#code-name').fill(legalName);
    await page.getByRole('button', { name: 'Register and open a case' }).click();
    await page.locator('.notice-error', { hasText: 'The code name must not be the legal name.' }).waitFor();
    assert.equal(await page.locator('#code-name').getAttribute('aria-invalid'), 'true');
    await checkPage(page, 'register-errors');

    await page.locator('#code-name').fill(codeName);
    await page.locator('#gender').selectOption('female');
    await page.locator('#languages').fill('sw, en');
    await page.locator('#nationality').fill('ke');
    await page.locator('#stage').selectOption('intake');
    await checkPage(page, 'register-details');
    await page.getByRole('button', { name: 'Register and open a case' }).click();
    await page.locator('main h1', { hasText: codeName }).waitFor();
    assert.match(await page.locator('main').innerText(), /The survivor is registered and a case is open/);
    const caseId = new URL(page.url()).pathname.split('/')[2];
    await checkPage(page, 'case-registered');

    const kase = await caseworker.ok('GET', `/api/v1/cases/${caseId}`);
    assert.equal(kase.survivor_code_name, codeName);
    assert.equal(kase.stage, 'intake');
    const survivor = await caseworker.ok('GET', `/api/v1/survivors/${kase.survivor_id}?purpose=case_work`);
    assert.equal(survivor.legal_name, legalName);
    assert.equal(survivor.birth_date, '2001-09-30');
    assert.deepEqual(survivor.languages, ['sw', 'en']);
    assert.equal(survivor.nationality, 'KE');
    // And the next check finds it.
    const again = await caseworker.ok('POST', '/api/v1/survivors/match', {
      legal_name: legalName,
      birth_date: '2001-09-30',
    });
    assert.deepEqual(
      again.matches.map((m) => m.id),
      [kase.survivor_id],
    );
    assertClean(context);
    await context.close();
  });
});
