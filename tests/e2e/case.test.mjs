// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// The case page: its overview with the optimistic-concurrency conflict
// (409) shown as "someone else changed this", the team, the audited identity
// view, and who-am-I.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Api, assertClean, baseUrl, checkPage, heading, launch, newContext, signIn, unique } from './lib.mjs';

let browser;
let caseworker;
let supervisor;
before(async () => {
  browser = await launch();
  caseworker = await Api.as('caseworker');
  supervisor = await Api.as('supervisor');
});
after(async () => {
  await browser?.close();
});

async function openCase(page, caseId, section = 'overview') {
  await page.goto(`${baseUrl}/cases/${caseId}/${section}`);
  await page.locator('nav.tabs').waitFor();
}

describe('case overview', () => {
  test('a change made from a stale version shows their change and overwrites nothing (409)', async () => {
    const { kase } = await caseworker.registerWithCase({
      code_name: unique('Steady Ibis'),
      legal_name: unique('Lina Conflictcase'),
    });
    assert.equal(kase.stage, 'identification');
    assert.equal(kase.status, 'active');
    const context = await newContext(browser, { locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, 'caseworker');
    await openCase(page, kase.id);
    assert.equal(await heading(page), kase.survivor_code_name);
    await checkPage(page, 'case-overview');

    // Meanwhile a colleague moves the case on.
    const theirs = await supervisor.ok('PATCH', `/api/v1/cases/${kase.id}`, { stage: 'investigation' }, { 'If-Match': `"${kase.version}"` });
    assert.equal(theirs.stage, 'investigation');

    await page.locator('#case-status').selectOption('follow_up');
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'PATCH'),
      page.getByRole('button', { name: 'Save changes' }).click(),
    ]);
    assert.equal(answer.status(), 409);
    assert.equal(answer.request().headers()['if-match'], `"${kase.version}"`);
    const conflict = page.locator('#conflict');
    await conflict.waitFor();
    assert.match(await conflict.innerText(), /Someone else changed this case — review their change/);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'conflict', 'the message takes focus');
    const rows = await conflict.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())),
    );
    assert.deepEqual(rows, [
      ['Stage', 'Identification', 'Investigation', 'No change'],
      ['Status', 'Active', 'No change', 'Follow-up'],
    ]);
    await checkPage(page, 'case-conflict');
    // Nothing of ours was saved.
    const stored = await caseworker.ok('GET', `/api/v1/cases/${kase.id}`);
    assert.equal(stored.status, 'active');
    assert.equal(stored.stage, 'investigation');
    assert.equal(stored.version, theirs.version);

    // Our change, applied on top of theirs, keeps theirs too.
    await conflict.getByRole('button', { name: 'Save my change over theirs' }).click();
    await page.locator('.notice-success', { hasText: 'Your change is saved.' }).waitFor();
    const merged = await caseworker.ok('GET', `/api/v1/cases/${kase.id}`);
    assert.equal(merged.stage, 'investigation');
    assert.equal(merged.status, 'follow_up');
    assert.equal(merged.version, theirs.version + 1);
    assert.match(await page.locator('.case-meta').innerText(), /Investigation/);

    // A second conflict, and this time their version is kept.
    await supervisor.ok('PATCH', `/api/v1/cases/${kase.id}`, { status: 'active' }, { 'If-Match': `"${merged.version}"` });
    await page.locator('#case-stage').selectOption('prosecution');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await conflict.waitFor();
    await conflict.getByRole('button', { name: 'Keep their version' }).click();
    await page.locator('.notice', { hasText: 'Their version is kept.' }).waitFor();
    assert.equal(await page.locator('#case-stage').inputValue(), 'investigation');
    assert.equal(await page.locator('#case-status').inputValue(), 'active');
    const kept = await caseworker.ok('GET', `/api/v1/cases/${kase.id}`);
    assert.equal(kept.stage, 'investigation');
    assert.equal(kept.status, 'active');
    assertClean(context);
    await context.close();
  });
});

describe('case team', () => {
  test('lists the team and adds a colleague of the agency', async () => {
    const { kase } = await caseworker.registerWithCase({
      code_name: unique('Gentle Egret'),
      legal_name: unique('Rosa Teamcase'),
    });
    const context = await newContext(browser, { locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, 'caseworker');
    await openCase(page, kase.id);
    await page.getByRole('link', { name: 'Team' }).click();
    await page.locator('#team-heading').waitFor();
    assert.equal(new URL(page.url()).pathname, `/cases/${kase.id}/team`);
    await page.locator('tbody tr').first().waitFor();
    assert.deepEqual(
      (await page.locator('tbody th').allInnerTexts()).map((t) => t.trim()),
      ['Tomas Reluvo'],
    );
    assert.match(await page.locator('tbody tr').first().innerText(), /Lead/);

    const counsellor = (await caseworker.ok('GET', `/api/v1/staff?agency_id=${kase.agency_id}&limit=500`)).items.find(
      (s) => s.username === 'counsellor',
    );
    await page.locator('#team-staff').selectOption(counsellor.id);
    await page.locator('#team-role').selectOption('counsellor');
    await page.getByRole('button', { name: 'Add to the team' }).click();
    await page.locator('.notice-success', { hasText: 'Mira Dusante is now on the team.' }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 2);
    await checkPage(page, 'case-team');
    const team = (await caseworker.ok('GET', `/api/v1/cases/${kase.id}/team`)).items;
    assert.deepEqual(
      team.map((m) => [m.display_name, m.case_role]).sort(),
      [
        ['Mira Dusante', 'counsellor'],
        ['Tomas Reluvo', 'lead'],
      ],
    );
    assertClean(context);
    await context.close();
  });
});

describe('survivor identity', () => {
  test('says the read is audited, asks why, and the read is in the audit log with that purpose', async () => {
    const legalName = unique('Imani Identitycase');
    const { survivor, kase } = await caseworker.registerWithCase({
      code_name: unique('Amber Stork'),
      legal_name: legalName,
      birth_date: '1995-02-03',
      contact: 'a phone number kept for this test',
    });
    const context = await newContext(browser, { locale: 'en-GB' });
    const page = await context.newPage();
    const reads = [];
    page.on('request', (r) => {
      if (r.url().includes(`/api/v1/survivors/${survivor.id}`)) reads.push(r.url());
    });
    await signIn(page, 'caseworker');
    await openCase(page, kase.id, 'survivor');
    await page.locator('#survivor-heading').waitFor();
    assert.match(await page.locator('main').innerText(), /Opening the identity is recorded/);
    assert.doesNotMatch(await page.locator('main').innerText(), new RegExp(legalName), 'not shown before asking');
    assert.deepEqual(reads, [], 'nothing is read before the reader asks');
    await checkPage(page, 'case-identity-ask');

    await page.locator('#read-purpose').selectOption('aftercare');
    await page.getByRole('button', { name: 'Open the identity' }).click();
    await page.locator('dl.protected').waitFor();
    const shown = await page.locator('dl.protected').innerText();
    assert.match(shown, new RegExp(legalName));
    assert.match(shown, /3 Feb 1995/, 'dates in the browser’s British English');
    assert.match(shown, /a phone number kept for this test/);
    assert.match(await page.locator('main').innerText(), /This reading was recorded/);
    assert.match(await page.locator('main').innerText(), /for: Aftercare/);
    assert.equal(reads.length, 1);
    assert.match(reads[0], /purpose=aftercare$/);
    await checkPage(page, 'case-identity');

    const audit = (await supervisor.ok('GET', `/api/v1/audit?survivor_id=${survivor.id}&limit=50`)).items;
    const read = audit.find((e) => e.action === 'survivor.read' && e.actor_id === caseworker.staff.id);
    assert.ok(read, 'the read is in the audit log');
    assert.equal(read.purpose, 'aftercare');
    assert.ok(!JSON.stringify(audit).includes(legalName), 'the audit holds no plaintext');

    await page.getByRole('button', { name: 'Hide the identity' }).click();
    assert.doesNotMatch(await page.locator('main').innerText(), new RegExp(legalName));
    assertClean(context);
    await context.close();
  });
});

describe('who am I and the unknown', () => {
  test('the account page shows who is signed in, with agency and roles', async () => {
    const context = await newContext(browser, { locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, 'supervisor');
    assert.equal(await heading(page), 'Your agency’s cases');
    await page.getByRole('link', { name: /Sana Koleri/ }).click();
    assert.equal(await heading(page), 'Your account');
    await page.locator('dl.summary').waitFor();
    await page.locator('dd', { hasText: 'Harbour Light Aftercare' }).waitFor();
    const text = await page.locator('dl.summary').innerText();
    assert.match(text, /Sana Koleri/);
    assert.match(text, /supervisor/);
    assert.match(text, /Harbour Light Aftercare \(NGO, /);
    assert.match(text, /Supervisor/);
    await checkPage(page, 'profile');
    assertClean(context);
    await context.close();
  });

  test('a case that does not exist, and a page that does not exist, say so', async () => {
    const context = await newContext(browser, { locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, 'caseworker');
    await page.goto(`${baseUrl}/cases/cs_doesnotexist`);
    assert.equal(await heading(page), 'Case not found');
    await checkPage(page, 'case-not-found');
    await page.goto(`${baseUrl}/no/such/page`);
    assert.equal(await heading(page), 'Page not found');
    assertClean(context);
    await context.close();
  });
});
