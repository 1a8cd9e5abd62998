// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// The survivor portal, end to end: a caseworker makes a code in the
// workspace; the survivor redeems it and sets a passphrase, and the portal
// speaks their language; they see who holds their story, withdraw a consent
// (the investigator's very next read is refused), confirm and comment on
// their statement, see the interview to come and their access log; and
// quick exit from a signed-in page blanks it, ends the session and leaves
// nothing of the portal behind the Back button.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { Api, assertClean, baseUrl, checkPage, heading, launch, newContext, signIn, unique } from './lib.mjs';

const kExit = 'https://www.bbc.co.uk/weather';
const kPassphrase = 'a calm morning by the lake';

let browser;
let caseworker;
let police;
before(async () => {
  browser = await launch();
  caseworker = await Api.as('caseworker');
  police = (await caseworker.ok('GET', '/api/v1/agencies?limit=100')).items.find((a) => a.kind === 'police');
});
after(async () => {
  await browser?.close();
});

// A context where quick exit's neutral site answers locally.
async function portalContext(locale = 'en-GB') {
  const context = await newContext(browser, { locale, allow: [kExit] });
  await context.route(`${kExit}**`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Weather</title><h1>Weather</h1>' }),
  );
  return context;
}

// A survivor (speaking Spanish) with a case, a statement partly confirmed,
// a consent to the police, a disclosure read once, and an interview to come.
async function survivorStory() {
  const { survivor, kase } = await caseworker.registerWithCase({
    code_name: unique('Luz Garza'),
    legal_name: unique('Ines Portaltest'),
    languages: ['es'],
  });
  const held = await caseworker.ok('POST', `/api/v1/cases/${kase.id}/interviews`, {
    purpose: 'aftercare',
    topics: ['recruitment', 'needs', 'escape'],
    scheduled_at: new Date(Date.now() - 3 * 86400e3).toISOString().replace(/\.\d+Z$/, 'Z'),
    interviewer_id: caseworker.staff.id,
    accommodations: {},
  });
  const passage = async (topic, text) =>
    caseworker.ok('POST', `/api/v1/cases/${kase.id}/passages`, { interview_id: held.id, topic, text, sensitivity: 'sensitive' });
  const recruitment = await passage('recruitment', 'Una mujer me ofreció trabajo en la ciudad.');
  const needs = await passage('needs', 'Quiero terminar la escuela.');
  const escape = await passage('escape', 'Un día la puerta quedó abierta.');
  await caseworker.ok('POST', `/api/v1/passages/${recruitment.id}/review`, { status: 'confirmed' });
  const consent = await caseworker.ok('POST', `/api/v1/survivors/${survivor.id}/consents`, {
    recipient_agency_id: police.id,
    purpose: 'investigation',
    scope: { topics: ['recruitment'], categories: [] },
    valid_until: new Date(Date.now() + 180 * 86400e3).toISOString().replace(/\.\d+Z$/, 'Z'),
    given_as: 'written',
    consent_text_version: '2026-01',
    language: 'es',
  });
  const disclosure = await caseworker.ok('POST', `/api/v1/cases/${kase.id}/disclosures`, {
    recipient_agency_id: police.id,
    purpose: 'investigation',
    passage_ids: [recruitment.id],
    categories: [],
  });
  await caseworker.ok('POST', `/api/v1/cases/${kase.id}/interviews`, {
    purpose: 'investigation',
    topics: ['perpetrators', 'control'],
    scheduled_at: new Date(Date.now() + 5 * 86400e3).toISOString().replace(/\.\d+Z$/, 'Z'),
    interviewer_id: caseworker.staff.id,
    accommodations: { support_person: true, breaks: true, interpreter_language: 'es' },
  });
  return { survivor, kase, consent, disclosure, passages: { recruitment, needs, escape } };
}

async function activate(code, username) {
  const r = await fetch(`${baseUrl}/api/v1/portal/activate`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code, username, passphrase: kPassphrase }),
  });
  assert.equal(r.status, 200);
  return r.json();
}

describe('the survivor portal', () => {
  let story;
  let username;

  test('a caseworker makes a code; the survivor sets up the portal and it speaks their language', async () => {
    story = await survivorStory();
    username = unique('luz').replace(/\s+/g, '-');
    // The caseworker makes the code on the case page.
    const staff = await newContext(browser, { locale: 'en-GB' });
    const desk = await staff.newPage();
    await signIn(desk, 'caseworker');
    await desk.goto(`${baseUrl}/cases/${story.kase.id}/portal`);
    await desk.getByRole('button', { name: 'Make a code for the portal' }).click();
    await desk.locator('#invite-code').waitFor();
    const code = (await desk.locator('#invite-code').innerText()).trim();
    assert.match(code, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    assert.match(await desk.locator('#portal-invite').innerText(), /It works once, until/);
    await checkPage(desk, 'portal-invite');
    assertClean(staff);
    await staff.close();

    // The survivor, on a browser set to English, redeems it.
    const context = await portalContext('en-GB');
    const page = await context.newPage();
    await page.goto(`${baseUrl}/portal`);
    assert.equal(await heading(page), 'Your onestory');
    await page.getByRole('button', { name: 'I have a code' }).click();
    assert.equal(await heading(page), 'Set up your portal');
    await checkPage(page, 'portal-activate');
    // Typed loosely, in lower case with spaces.
    await page.locator('#portal-code').fill(code.toLowerCase().replace(/-/g, ' '));
    await page.locator('#portal-new-username').fill(username);
    await page.locator('#portal-new-passphrase').fill(kPassphrase);
    await page.locator('#portal-passphrase-again').fill('not the same passphrase');
    await page.getByRole('button', { name: 'Set up and sign in' }).click();
    await page.locator('.notice-error', { hasText: 'The two passphrases are not the same.' }).waitFor();
    await page.locator('#portal-passphrase-again').fill(kPassphrase);
    await page.getByRole('button', { name: 'Set up and sign in' }).click();
    // Signed in, the portal changes to the survivor's own language.
    await page.locator('main h1', { hasText: `Bienvenida/o, ${story.survivor.code_name}` }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'es');
    assert.equal(await page.title(), 'onestory', 'the tab names nothing');
    assert.match(await page.locator('main').innerText(), /Tomas Reluvo · Responsable, Harbour Light Aftercare/);
    await checkPage(page, 'portal-home-es');

    // The session is one HttpOnly cookie for the portal's API alone; nothing is left in localStorage.
    const cookies = await context.cookies();
    assert.deepEqual(
      cookies.map((c) => [c.name, c.path, c.httpOnly, c.sameSite]),
      [['onestory_portal', '/api/v1/portal', true, 'Strict']],
    );
    assert.equal(await page.evaluate(() => localStorage.length), 0);
    // The code works once.
    const again = await fetch(`${baseUrl}/api/v1/portal/activate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code, username: 'someone-else', passphrase: kPassphrase }),
    });
    assert.equal(again.status, 400);
    assertClean(context);
    await context.close();
  });

  test('the survivor withdraws a consent and the investigator’s next read is refused', async () => {
    const investigator = await Api.as('investigator');
    assert.equal((await investigator.send('GET', `/api/v1/disclosures/${story.disclosure.id}`)).status, 200);
    const context = await portalContext('es-ES');
    const page = await context.newPage();
    await page.goto(`${baseUrl}/portal`);
    assert.equal(await heading(page), 'Su onestory');
    await page.locator('#portal-username').fill(username);
    await page.locator('#portal-passphrase').fill(kPassphrase);
    await page.getByRole('button', { name: 'Entrar', exact: true }).click();
    await page.locator('main h1', { hasText: 'Bienvenida/o' }).waitFor();

    await page.locator('.portal-menu').getByRole('button', { name: /Quién tiene su historia/ }).click();
    assert.equal(await heading(page), 'Quién tiene su historia');
    const held = page.locator('article.portal-item', { hasText: police.name });
    await held.waitFor();
    assert.match(await held.innerText(), /1 parte de su historia, sobre Captación/);
    assert.match(await held.innerText(), /para la investigación policial/);
    assert.match(await held.innerText(), /Pueden leerlo porque usted lo aceptó/);
    await checkPage(page, 'portal-story');

    await page.getByRole('button', { name: 'Ver sus consentimientos' }).click();
    assert.equal(await heading(page), 'Sus consentimientos');
    const consent = page.locator('article.portal-item', { hasText: police.name });
    assert.match(await consent.innerText(), /Usted aceptó que Metro Police Anti-Trafficking Unit pueda ver las partes de su historia sobre Captación, para la investigación policial\./);
    await consent.getByRole('button', { name: /^Retirar este consentimiento/ }).click();
    assert.match(await consent.innerText(), /ya no podrá leer lo que se compartió, desde este momento/);
    await checkPage(page, 'portal-withdraw');
    await consent.getByRole('button', { name: 'Sí, retirarlo' }).click();
    await consent.locator('.notice-success', { hasText: 'Hecho.' }).waitFor();
    assert.match(await consent.innerText(), /Usted lo retiró el/);

    // At once: the investigator's next read is refused.
    const refused = await investigator.send('GET', `/api/v1/disclosures/${story.disclosure.id}`);
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error.code, 'consent_revoked');
    const recorded = (await caseworker.ok('GET', `/api/v1/survivors/${story.survivor.id}/consents`)).items[0];
    assert.equal(recorded.status, 'revoked');
    assert.equal(recorded.revoked_by, story.survivor.id, 'withdrawn by the survivor themself');

    await page.locator('.portal-nav').getByRole('button', { name: 'Quién tiene su historia' }).click();
    await page.locator('article.portal-item', { hasText: 'Ya no pueden leerlo' }).waitFor();
    assertClean(context);
    await context.close();
  });

  test('the survivor confirms and comments on their statement, and sees what is to come and who looked', async () => {
    const context = await portalContext('en-GB');
    const page = await context.newPage();
    await page.goto(`${baseUrl}/portal?lang=en`);
    await page.locator('#portal-username').fill(username);
    await page.locator('#portal-passphrase').fill(kPassphrase);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.locator('main h1', { hasText: 'Welcome' }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'en', 'a language chosen here is kept');

    await page.locator('.portal-nav').getByRole('button', { name: 'Your statement' }).click();
    assert.equal(await heading(page), 'Your statement');
    const needs = page.locator('article.portal-item', { hasText: 'Quiero terminar la escuela.' });
    await needs.waitFor();
    assert.match(await needs.innerText(), /You have not checked this yet\./);
    await checkPage(page, 'portal-statement');
    await needs.getByRole('button', { name: /^Yes, this is right/ }).click();
    await needs.locator('.notice-success', { hasText: 'You confirmed this part.' }).waitFor();
    assert.match(await needs.innerText(), /You confirmed this\./);

    const escape = page.locator('article.portal-item', { hasText: 'Un día la puerta quedó abierta.' });
    await escape.getByRole('button', { name: /^Add a comment/ }).click();
    await escape.getByRole('button', { name: 'Save my comment' }).click();
    await escape.locator('.notice-error', { hasText: 'Write your comment.' }).waitFor();
    await escape.locator('textarea').fill('It was a Sunday, early in the morning.');
    await escape.getByRole('button', { name: 'Save my comment' }).click();
    await escape.locator('.notice-success', { hasText: 'Your comment is saved.' }).waitFor();
    assert.match(await escape.locator('.comments').innerText(), /It was a Sunday, early in the morning\./);
    await checkPage(page, 'portal-statement-reviewed');

    const stored = (await caseworker.ok('GET', `/api/v1/cases/${story.kase.id}/passages`)).items;
    const byTopic = Object.fromEntries(stored.map((p) => [p.topic, p]));
    assert.equal(byTopic.needs.review_status, 'confirmed');
    assert.equal(byTopic.needs.reviewed_by, story.survivor.id, 'recorded as the survivor’s own review');
    assert.equal(byTopic.escape.survivor_comments[0].text, 'It was a Sunday, early in the morning.');
    assert.equal(byTopic.escape.survivor_comments[0].recorded_by, story.survivor.id);

    await page.locator('.portal-nav').getByRole('button', { name: 'Interviews to come' }).click();
    const next = page.locator('article.portal-item').first();
    await next.waitFor();
    assert.match(await next.innerText(), /for the police investigation/);
    assert.match(await next.innerText(), /Perpetrators and Control/);
    assert.match(await next.innerText(), /someone you trust can be with you/);
    assert.equal(await page.locator('article.portal-item').count(), 1, 'the interview held is not to come');
    await checkPage(page, 'portal-interviews');

    await page.locator('.portal-nav').getByRole('button', { name: 'Who has looked at your record' }).click();
    const log = page.locator('ol.access-log-list');
    await log.locator('li').first().waitFor();
    const text = await log.innerText();
    assert.match(text, /You withdrew your consent to share with Metro Police Anti-Trafficking Unit/);
    assert.match(text, /You confirmed part of your statement \(Needs\)/);
    assert.match(text, /Kofi Marelu \(Investigator, Metro Police Anti-Trafficking Unit\) read 1 passage of your statement \(Recruitment\)/);
    assert.match(text, /Tomas Reluvo \(Caseworker, Harbour Light Aftercare\) gave you a code to set up your portal/);
    await checkPage(page, 'portal-access-log');

    // A copy of the whole record, saved as a file; the page stays where it is.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Save a copy of my record' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'onestory-my-record.json');
    const copy = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.ok(copy.sections.statement.records.length > 0, 'the copy holds the statement');
    assert.ok(copy.sections.access_log.records.length > 0, 'the copy holds the access log');
    assert.equal(new Set(copy.sections.survivor.records.map((r) => r.id)).size, 1, 'one survivor: their own');
    await log.waitFor();
    assertClean(context);
    await context.close();
  });

  test('the survivor sees their court dates and the promises made to them, in plain words', async () => {
    const day = (n) => new Date(Date.now() + n * 86400e3).toISOString().slice(0, 10);
    const school = await caseworker.ok('POST', `/api/v1/cases/${story.kase.id}/commitments`, {
      what: 'Trouver une place à l’école.',
      owner_id: caseworker.staff.id,
      due: day(10),
    });
    const call = await caseworker.ok('POST', `/api/v1/cases/${story.kase.id}/commitments`, {
      what: 'Appeler le lundi.',
      owner_id: caseworker.staff.id,
      due: day(2),
    });
    await caseworker.ok('PATCH', `/api/v1/commitments/${call.id}`, { status: 'kept' }, { 'If-Match': `"${call.version}"` });
    await caseworker.ok('POST', `/api/v1/cases/${story.kase.id}/commitments`, {
      what: 'Team only: update the file.',
      owner_id: caseworker.staff.id,
      due: day(3),
      to_survivor: false,
    });
    await caseworker.ok('POST', `/api/v1/cases/${story.kase.id}/hearings`, {
      court: 'Tribunal inventé de Port-Clair',
      scheduled_at: new Date(Date.now() + 20 * 86400e3).toISOString().replace(/\.\d+Z$/, 'Z'),
      kind: 'testimony',
      accommodations_requested: ['screen', 'support_person'],
      accommodations_granted: ['screen'],
      notes: 'An invented staff note that stays with staff.',
    });

    const context = await portalContext('fr-FR');
    const page = await context.newPage();
    await page.goto(`${baseUrl}/portal?lang=fr`);
    await page.locator('#portal-username').fill(username);
    await page.locator('#portal-passphrase').fill(kPassphrase);
    await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
    await page.locator('main h1', { hasText: 'Bienvenue' }).waitFor();

    await page.locator('.portal-nav').getByRole('button', { name: 'Dates au tribunal' }).click();
    assert.equal(await heading(page), 'Dates au tribunal');
    const hearing = page.locator('article.portal-item').first();
    await hearing.waitFor();
    const hearingText = await hearing.innerText();
    assert.match(hearingText, /Témoignage/);
    assert.match(hearingText, /Tribunal inventé de Port-Clair/);
    assert.match(hearingText, /Prévu pour vous\s+un paravent/);
    assert.match(hearingText, /Demandé, pas encore accordé\s+une personne de soutien/);
    assert.doesNotMatch(await page.locator('main').innerText(), /invented staff note/);
    await checkPage(page, 'portal-hearings-fr');

    await page.locator('.portal-nav').getByRole('button', { name: 'Ce que nous vous avons promis' }).click();
    assert.equal(await heading(page), 'Ce que nous vous avons promis');
    const items = page.locator('article.portal-item');
    await items.first().waitFor();
    assert.equal(await items.count(), 2, 'the team’s own commitment is not a promise to the survivor');
    assert.match(await items.nth(0).innerText(), /Trouver une place à l’école\.[\s\S]*Pas encore fait\. Nous avons dit que ce serait fait avant le/);
    assert.match(await items.nth(1).innerText(), /Appeler le lundi\.[\s\S]*Fait, à temps\./);
    assert.match(await items.nth(0).innerText(), /Tomas Reluvo/);
    await checkPage(page, 'portal-promises-fr');
    assert.ok(school.id);
    assertClean(context);
    await context.close();
  });

  test('quick exit from a signed-in page ends the session, and Back shows nothing of the portal', async () => {
    for (const how of ['button', 'shift']) {
      const context = await portalContext('en-GB');
      const page = await context.newPage();
      await page.goto(`${baseUrl}/healthz`);
      await page.goto(`${baseUrl}/portal?lang=en`);
      await page.locator('#portal-username').fill(username);
      await page.locator('#portal-passphrase').fill(kPassphrase);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.locator('.portal-nav').getByRole('button', { name: 'Your statement' }).click();
      await page.locator('article.portal-item').first().waitFor();
      assert.equal(new URL(page.url()).pathname, '/portal', 'screens change in place');
      const entries = await page.evaluate(() => history.length);
      const loggedOut = page.waitForRequest((r) => r.url().endsWith('/api/v1/portal/logout') && r.method() === 'POST');
      if (how === 'button') {
        await page.getByRole('link', { name: 'Exit this page' }).click();
      } else {
        await page.locator('main h1').focus();
        for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
      }
      await page.waitForURL(`${kExit}**`);
      await loggedOut;
      assert.equal(await page.evaluate(() => history.length), entries, `${how}: the portal's entry was replaced`);
      await page.goBack();
      assert.equal(new URL(page.url()).pathname, '/healthz', `${how}: Back skips the portal`);
      assert.doesNotMatch(await page.content(), /Welcome|Quiero terminar|Your statement/);
      // Even opened again, nothing shows without signing in: the session ended and the tab forgot it.
      await page.goto(`${baseUrl}/portal?lang=en`);
      assert.equal(await heading(page), 'Your onestory');
      assert.doesNotMatch(await page.locator('main').innerText(), /Quiero terminar|Welcome/);
      assert.equal(await page.evaluate(() => sessionStorage.getItem('onestory.portal')), null);
      assertClean(context);
      await context.close();
    }
  });

  test('signing in answers an unknown name like a wrong passphrase, and staff sessions do not open the portal', async () => {
    const context = await portalContext('en-GB');
    const page = await context.newPage();
    await page.goto(`${baseUrl}/portal`);
    for (const [name, pass] of [
      [username, 'a wrong passphrase entirely'],
      ['nobody-by-this-name', 'a wrong passphrase entirely'],
    ]) {
      await page.locator('#portal-username').fill(name);
      await page.locator('#portal-passphrase').fill(pass);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.locator('#portal-sign-in-error').waitFor();
      assert.equal((await page.locator('#portal-sign-in-error').innerText()).trim(), 'The username or passphrase is not right.');
    }
    await checkPage(page, 'portal-sign-in-error');
    assertClean(context);
    await context.close();

    // A caseworker signed in to the workspace is not signed in to the portal.
    const staff = await portalContext('en-GB');
    const desk = await staff.newPage();
    await signIn(desk, 'caseworker');
    await desk.goto(`${baseUrl}/portal`);
    assert.equal(await heading(desk), 'Your onestory');
    assert.equal(await desk.locator('#portal-username').count(), 1);
    assertClean(staff);
    await staff.close();
    // And a survivor's token reaches no staff route.
    const { code } = await caseworker.ok('POST', `/api/v1/survivors/${story.survivor.id}/portal-invite`);
    const session = await activate(code, `${username}-again`);
    const survivor = new Api(session.token, null);
    const staffRoute = await survivor.send('GET', '/api/v1/cases');
    assert.equal(staffRoute.status, 403);
    assert.equal(staffRoute.body.error.code, 'staff_only');
    assert.equal((await survivor.send('GET', '/api/v1/portal/me')).status, 200);
  });

  test('at 360 px wide every portal screen fits, and works by keyboard alone', async () => {
    const context = await newContext(browser, { locale: 'fr-FR', viewport: { width: 360, height: 740 }, allow: [kExit] });
    const page = await context.newPage();
    // French chosen here, so the portal keeps to it rather than the survivor's Spanish.
    await page.goto(`${baseUrl}/portal?lang=fr`);
    assert.equal(await heading(page), 'Votre onestory');
    // Tab from the top: quick exit comes first, then the language, then the form.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'quick-exit-button');
    await page.locator('#portal-username').focus();
    await page.keyboard.type(`${username}-again`);
    await page.keyboard.press('Tab');
    await page.keyboard.type(kPassphrase);
    await page.keyboard.press('Enter');
    await page.locator('main h1', { hasText: 'Bienvenue' }).waitFor();
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok((await overflow()) <= 0, 'home fits');
    for (const name of [
      'Qui détient votre histoire',
      'Vos consentements',
      'Votre déclaration',
      'Entretiens à venir',
      'Dates au tribunal',
      'Ce que nous vous avons promis',
      'Qui a consulté votre dossier',
    ]) {
      const item = page.locator('.portal-nav').getByRole('button', { name });
      await item.focus();
      await page.keyboard.press('Enter');
      await page.locator('main h1', { hasText: name }).waitFor();
      assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1', `${name}: the heading takes focus`);
      await page.locator('main .lede').waitFor();
      assert.ok((await overflow()) <= 0, `${name} fits at 360 px`);
    }
    await checkPage(page, 'portal-360-fr', { fullPage: false });
    assertClean(context);
    await context.close();
  });
});
