// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Tell it once, in the workspace: planning an interview shows what the
// survivor has already put on record and asks why before asking again; the
// team records the survivor's review of their statement; a consent is
// granted, a disclosure made under it, read by the investigator, and lost to
// them the moment the consent is withdrawn; the access log says it all in
// plain words; and breaking the glass alerts the owning agency's supervisor.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Api, assertClean, baseUrl, checkPage, heading, launch, newContext, signIn, unique } from './lib.mjs';

let browser;
let caseworker;
let agencies;
before(async () => {
  browser = await launch();
  caseworker = await Api.as('caseworker');
  agencies = (await caseworker.ok('GET', '/api/v1/agencies?limit=100')).items;
});
after(async () => {
  await browser?.close();
});

const agency = (kind) => agencies.find((a) => a.kind === kind);

// A survivor with a case the caseworker leads, an interview held, and passages recorded.
async function survivorWithStatement(topics, confirm = []) {
  const { survivor, kase } = await caseworker.registerWithCase({
    code_name: unique('Clear Wren'),
    legal_name: unique('Tala Tellonce'),
    languages: ['sw', 'en'],
  });
  const interview = await caseworker.ok('POST', `/api/v1/cases/${kase.id}/interviews`, {
    purpose: 'aftercare',
    topics,
    scheduled_at: new Date(Date.now() - 2 * 86400e3).toISOString().replace(/\.\d+Z$/, 'Z'),
    interviewer_id: caseworker.staff.id,
    accommodations: {},
  });
  const passages = {};
  for (const topic of topics) {
    passages[topic] = await caseworker.ok('POST', `/api/v1/cases/${kase.id}/passages`, {
      interview_id: interview.id,
      topic,
      text: `Invented words about ${topic} for this test.`,
      sensitivity: 'sensitive',
    });
  }
  for (const topic of confirm) {
    await caseworker.ok('POST', `/api/v1/passages/${passages[topic].id}/review`, { status: 'confirmed' });
  }
  return { survivor, kase, interview, passages };
}

async function openSection(page, caseId, section, headingText) {
  await page.goto(`${baseUrl}/cases/${caseId}/${section}`);
  await page.locator('.section h2', { hasText: headingText }).first().waitFor();
}

describe('planning an interview', () => {
  test('shows which topics are on record, and asks why before one is asked again', async () => {
    const { kase } = await survivorWithStatement(['recruitment', 'needs'], ['recruitment']);
    const context = await newContext(browser, { locale: 'en-GB' });
    const page = await context.newPage();
    const posts = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith(`/cases/${kase.id}/interviews`)) posts.push(r.url());
    });
    await signIn(page, 'caseworker');
    await openSection(page, kase.id, 'interviews', 'Interviews');
    await page.locator('#plan-topics-recruitment').waitFor();
    assert.match(await page.locator('#interview-count').innerText(), /interviewed 1 time in all/);
    // Coverage is shown on the form before anything is chosen: confirmed topics only.
    assert.equal((await page.locator('#plan-topics-recruitment-hint').innerText()).trim(), 'already on record');
    assert.equal(await page.locator('#plan-topics-needs-hint').count(), 0, 'an unconfirmed passage is not on record');
    assert.equal(await page.locator('#coverage-warning').count(), 0);

    // Choosing a topic on record warns at once, before anything is sent.
    await page.locator('#plan-topics-escape').check();
    assert.equal(await page.locator('#coverage-warning').count(), 0);
    await page.locator('#plan-topics-recruitment').check();
    const warning = page.locator('#coverage-warning');
    await warning.waitFor();
    assert.match(await warning.innerText(), /Already on record: the survivor would tell this again/);
    assert.match(await warning.innerText(), /already confirmed Recruitment/);
    await page.locator('#plan-venue').selectOption({ label: 'Harbour Light family room' });
    const features = await page.locator('#plan-venue-features').innerText();
    for (const f of ['private waiting room', 'separate entrance', 'child-friendly space']) assert.ok(features.includes(f), f);
    await page.locator('#plan-interpreter').fill('sw');
    await page.locator('#plan-breaks').check();
    await checkPage(page, 'interviews-coverage-warning');

    // Without a reason, nothing is sent and the reason is asked for.
    await page.getByRole('button', { name: 'Plan the interview' }).click();
    await page.locator('.notice-error', { hasText: 'There is a problem' }).waitFor();
    assert.match(await page.locator('.notice-error').innerText(), /Say why topics already on record must be asked again/);
    assert.deepEqual(posts, [], 'nothing was sent');

    await page.locator('#plan-reason').fill('The court asked for the dates to be checked again.');
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/cases/${kase.id}/interviews`)),
      page.getByRole('button', { name: 'Plan the interview' }).click(),
    ]);
    assert.equal(answer.status(), 201);
    await page.locator('#planned-notice').waitFor();
    assert.match(await page.locator('#planned-notice').innerText(), /Asked again, with the reason recorded: Recruitment/);
    await page.waitForFunction(() => document.querySelectorAll('article.interview').length === 2);
    assert.match(await page.locator('#interview-count').innerText(), /interviewed 2 times in all/);
    const planned = page.locator('article.interview').first();
    assert.match(await planned.innerText(), /asked again: Recruitment/);
    assert.match(await planned.innerText(), /Harbour Light family room/);
    assert.match(await planned.innerText(), /an interpreter \(Swahili\)/);
    await checkPage(page, 'interviews-planned');

    const stored = (await caseworker.ok('GET', `/api/v1/cases/${kase.id}/interviews`)).items;
    const made = stored.find((i) => i.reask_topics.length > 0);
    assert.deepEqual(made.reask_topics, ['recruitment']);
    assert.deepEqual(made.topics.sort(), ['escape', 'recruitment']);
    assert.equal(made.reask_reason, 'The court asked for the dates to be checked again.');
    assertClean(context);
    await context.close();
  });
});

describe('the statement', () => {
  test('the team records the survivor reading back, confirming with a comment, and correcting', async () => {
    const { kase, passages } = await survivorWithStatement(['recruitment', 'transport', 'needs']);
    const context = await newContext(browser, { locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, 'caseworker');
    await openSection(page, kase.id, 'statement', 'Statement');
    await page.locator('#statement-count').waitFor();
    assert.equal(
      (await page.locator('#statement-count').innerText()).trim(),
      '3 passages: 0 reviewed by the survivor, 3 waiting for their review.',
    );
    assert.deepEqual(
      (await page.locator('section.topic-group h3').allInnerTexts()).map((s) => s.trim()),
      ['Recruitment', 'Transport', 'Needs'],
    );
    await checkPage(page, 'statement');

    const recruitment = page.locator('section.topic-group', { hasText: 'Recruitment' }).locator('article');
    await recruitment.getByRole('button', { name: /^Read back/ }).click();
    await recruitment.getByRole('button', { name: 'Record: read back' }).click();
    await recruitment.locator('.badge', { hasText: 'Read back to the survivor' }).waitFor();
    await recruitment.getByRole('button', { name: /^Confirmed/ }).click();
    await recruitment.locator('textarea').fill('I met her at the market, not at the bus station.');
    await recruitment.getByRole('button', { name: 'Record: confirmed' }).click();
    await recruitment.locator('.badge', { hasText: 'Confirmed by the survivor' }).waitFor();
    assert.match(await recruitment.locator('.comments').innerText(), /I met her at the market, not at the bus station\./);

    const transport = page.locator('section.topic-group', { hasText: 'Transport' }).locator('article');
    await transport.getByRole('button', { name: /^Correct/ }).click();
    await transport.locator('textarea').first().fill('We travelled by minibus for three days.');
    await transport.getByRole('button', { name: 'Save the correction' }).click();
    await transport.locator('.badge', { hasText: 'Corrected by the survivor' }).waitFor();
    assert.match(await transport.innerText(), /Version 2/);
    assert.match(await transport.innerText(), /We travelled by minibus for three days\./);
    assert.equal(
      (await page.locator('#statement-count').innerText()).trim(),
      '3 passages: 2 reviewed by the survivor, 1 waiting for their review.',
    );
    await checkPage(page, 'statement-reviewed');

    const stored = (await caseworker.ok('GET', `/api/v1/cases/${kase.id}/passages`)).items;
    const byTopic = Object.fromEntries(stored.map((p) => [p.topic, p]));
    assert.equal(byTopic.recruitment.review_status, 'confirmed');
    assert.equal(byTopic.recruitment.survivor_comments[0].text, 'I met her at the market, not at the bus station.');
    assert.equal(byTopic.transport.review_status, 'corrected');
    assert.equal(byTopic.transport.supersedes, passages.transport.id);
    assert.equal(byTopic.needs.review_status, 'unreviewed');
    assertClean(context);
    await context.close();
  });
});

describe('consent and disclosure', () => {
  test('a consent is granted; the investigator reads the disclosure, then loses it when it is withdrawn', async () => {
    const police = agency('police');
    const { survivor, kase } = await survivorWithStatement(['recruitment', 'escape'], ['recruitment']);
    const context = await newContext(browser, { locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, 'caseworker');
    await openSection(page, kase.id, 'consents', 'Consents');
    await page.locator('#grant-consent').waitFor();
    await page.getByText('The survivor has given no consent to share.').waitFor();
    await page.locator('#consent-recipient').selectOption(police.id);
    await page.locator('#consent-purpose').selectOption('investigation');
    await page.locator('#consent-topics-recruitment').check();
    await page.locator('#consent-language').selectOption('sw');
    await checkPage(page, 'consents-grant');
    await page.getByRole('button', { name: 'Record the consent' }).click();
    await page.locator('.notice-success', { hasText: `The consent to share with ${police.name} is recorded.` }).waitFor();
    const card = page.locator('article.consent').first();
    assert.match(await card.innerText(), /Active/);
    assert.match(await card.innerText(), /statement: Recruitment/);
    assert.match(await card.innerText(), /consent text 2026-01 in Swahili/);

    // A disclosure to an agency without consent is refused, saying what is missing.
    await openSection(page, kase.id, 'disclosures', 'Disclosures');
    await page.locator('#disclose').waitFor();
    await page.locator('#disclose-recipient').selectOption(agency('prosecution').id);
    await page.locator('#disclose-purpose').selectOption('prosecution');
    await page.locator('#disclose-passages input').first().check();
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    await page.locator('#disclosure-refused').waitFor();
    assert.match(await page.locator('#disclosure-refused').innerText(), /Not shared: no consent covers this/);
    assert.match(await page.locator('#disclosure-refused').innerText(), /Not covered: Recruitment\./);
    await checkPage(page, 'disclosure-refused');

    // Under the police consent it goes out.
    await page.locator('#disclose-recipient').selectOption(police.id);
    await page.locator('#disclose-purpose').selectOption('investigation');
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    await page.locator('.notice-success', { hasText: `Shared with ${police.name}.` }).waitFor();
    assert.match(await page.locator('article.disclosure').first().innerText(), /1 passage about Recruitment, for Investigation\./);
    await checkPage(page, 'disclosures');
    const disclosure = (await caseworker.ok('GET', `/api/v1/cases/${kase.id}/disclosures`)).items[0];

    // The investigator reads it in "Shared with us".
    const police1 = await newContext(browser, { locale: 'en-GB' });
    const officer = await police1.newPage();
    await signIn(officer, 'investigator');
    await officer.getByRole('link', { name: 'Shared with us' }).click();
    await officer.locator('main h2 a', { hasText: survivor.code_name }).click();
    assert.equal(await heading(officer), survivor.code_name);
    await officer.locator('blockquote', { hasText: 'Invented words about recruitment for this test.' }).waitFor();
    assert.doesNotMatch(await officer.locator('main').innerText(), /Invented words about escape/, 'only what was shared');
    await checkPage(officer, 'shared-disclosure');

    // The caseworker records the withdrawal; the investigator's next read is refused.
    await openSection(page, kase.id, 'consents', 'Consents');
    await page.getByRole('button', { name: /^Record a withdrawal/ }).click();
    await page.locator('textarea').first().fill('She wants to talk to a lawyer first.');
    await page.getByRole('button', { name: 'Withdraw the consent' }).click();
    await page.locator('.notice-success', { hasText: 'can no longer read what was shared under it' }).waitFor();
    assert.match(await page.locator('article.consent').first().innerText(), /Withdrawn/);

    await officer.reload();
    assert.equal(await heading(officer), 'No longer shared with you');
    assert.match(await officer.locator('#shared-gone').innerText(), /The survivor withdrew the consent/);
    assert.doesNotMatch(await officer.locator('main').innerText(), /Invented words/);
    await checkPage(officer, 'shared-disclosure-withdrawn');
    const investigator = await Api.as('investigator');
    const refused = await investigator.send('GET', `/api/v1/disclosures/${disclosure.id}`);
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error.code, 'consent_revoked');

    // The access log says all of it in plain words.
    await openSection(page, kase.id, 'access-log', 'Access log');
    await page.locator('table.access-log tbody tr').first().waitFor();
    const log = await page.locator('table.access-log').innerText();
    assert.match(log, /Kofi Marelu \(Investigator, Metro Police Anti-Trafficking Unit\) read 1 passage of your statement \(Recruitment\), shared with them/);
    assert.match(log, /Kofi Marelu \(Investigator, Metro Police Anti-Trafficking Unit\) tried to read what was shared with them and was refused/);
    assert.match(log, /Tomas Reluvo \(Caseworker, Harbour Light Aftercare\) recorded that you withdrew your consent to share with Metro Police/);
    await checkPage(page, 'access-log');
    assertClean(police1);
    await police1.close();
    assertClean(context);
    await context.close();
  });
});

describe('break glass', () => {
  test('an emergency read needs a reason, opens the case, and alerts the owning agency’s supervisor', async () => {
    const { kase } = await caseworker.registerWithCase({ code_name: unique('Hidden Lynx'), legal_name: unique('Rue Glasscase') });
    const context = await newContext(browser, { locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, 'shelter');
    await page.goto(`${baseUrl}/cases/${kase.id}`);
    assert.equal(await heading(page), 'This case is not shared with you');
    await page.locator('#break-glass').waitFor();
    await checkPage(page, 'break-glass');
    await page.locator('#glass-reason').fill('Urgent.');
    await page.getByRole('button', { name: 'Open the case in an emergency' }).click();
    await page.locator('.notice-error', { hasText: 'at least 20 characters' }).waitFor();
    const reason = 'She arrived at night and we need to know of any safety concerns.';
    await page.locator('#glass-reason').fill(reason);
    await page.getByRole('button', { name: 'Open the case in an emergency' }).click();
    await page.locator('nav.tabs').waitFor();
    assert.equal(await heading(page), kase.survivor_code_name);
    assertClean(context);
    await context.close();

    const boss = await newContext(browser, { locale: 'en-GB' });
    const supervisor = await boss.newPage();
    await signIn(supervisor, 'supervisor');
    await supervisor.getByRole('link', { name: 'Alerts' }).click();
    assert.equal(await heading(supervisor), 'Alerts');
    const alert = supervisor.locator('article.alert', { hasText: kase.survivor_code_name });
    await alert.waitFor();
    assert.match(await alert.innerText(), /Emergency access to a case/);
    assert.match(await alert.innerText(), /Nuru Kavela opened the case of/);
    assert.match(await alert.innerText(), new RegExp(reason));
    await checkPage(supervisor, 'alerts');
    assertClean(boss);
    await boss.close();
  });
});
