// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Care coordination in the workspace: a referral found in the directory
// and followed round its closed loop; promises added and kept, with a stale
// change shown as "someone else changed this"; the safety plan; a hearing
// with testimony accommodations and the survivor told; outcome assessments
// drawn as a chart; and a supervisor's dashboard of their agency, where an
// alert is acknowledged. Every screen is checked with axe, and at 360 px.
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

const day = (n) => new Date(Date.now() + n * 86400e3).toISOString().slice(0, 10);

async function freshCase(name) {
  return caseworker.registerWithCase({ code_name: unique(name), legal_name: unique('Test Carecase') });
}

async function openSection(page, caseId, section) {
  await page.goto(`${baseUrl}/cases/${caseId}/${section}`);
  await page.locator('.section h2').first().waitFor();
}

describe('care coordination on the case page', () => {
  test('a referral found in the directory goes round its closed loop', async () => {
    const { kase } = await freshCase('Bright Kestrel');
    const school = unique('Invented Learning Centre');
    await supervisor.ok('POST', '/api/v1/providers', {
      name: school,
      service_types: ['education', 'livelihood'],
      languages: ['sw', 'en'],
      ages_served: { min: 14, max: 25 },
      location_area: 'Invented district',
    });
    const context = await newContext(browser, { locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, 'caseworker');
    await openSection(page, kase.id, 'referrals');
    assert.equal(await page.locator('#referrals-heading').innerText(), 'Referrals');

    await page.locator('#directory-service').selectOption('education');
    await page.locator('#directory-language').fill('sw');
    await page.locator('#directory-age').fill('17');
    await page.getByRole('button', { name: 'Search the directory' }).click();
    const choice = page.getByRole('radio', { name: school });
    await choice.waitFor();
    // Too old for the centre: it is not offered.
    await page.locator('#directory-age').fill('40');
    await page.getByRole('button', { name: 'Search the directory' }).click();
    await choice.waitFor({ state: 'detached' });
    await page.locator('#directory-age').fill('17');
    await page.getByRole('button', { name: 'Search the directory' }).click();
    await choice.check();
    await page.getByRole('button', { name: 'Propose the referral' }).click();
    await page.locator('.notice-error', { hasText: 'Write the reason for the referral.' }).waitFor();
    await page.locator('#referral-reason').fill('Wants to finish secondary school.');
    await page.getByRole('button', { name: 'Propose the referral' }).click();
    await page.locator('.notice-success', { hasText: 'The referral is proposed.' }).waitFor();
    const card = page.locator('article.referral', { hasText: school });
    assert.match(await card.innerText(), /Proposed/);
    await checkPage(page, 'case-referrals');

    for (const [step, label] of [
      ['sent', 'Sent'],
      ['accepted', 'Accepted'],
    ]) {
      await card.locator('select').first().selectOption(step);
      await card.getByRole('button', { name: 'Record this step' }).click();
      await card.locator('.notice-success', { hasText: `the referral is now “${label}”` }).waitFor();
    }
    const stored = (await caseworker.ok('GET', `/api/v1/cases/${kase.id}/referrals`)).items[0];
    assert.equal(stored.status, 'accepted');
    assert.equal(stored.service_type, 'education');
    assert.deepEqual(
      stored.transitions.map((t) => t.to),
      ['proposed', 'sent', 'accepted'],
    );
    assert.ok(stored.complete_by, 'accepting sets the date the service should be completed by');
    assertClean(context);
    await context.close();
  });

  test('promises are added and kept; a stale change shows theirs and overwrites nothing (409)', async () => {
    const { kase } = await freshCase('Quiet Plover');
    const context = await newContext(browser, { locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, 'caseworker');
    await openSection(page, kase.id, 'commitments');
    await page.locator('#commitment-what').fill('Bring the bus pass on Friday.');
    await page.locator('#commitment-due').fill(day(4));
    await page.getByRole('button', { name: 'Add the promise' }).click();
    const item = page.locator('li.commitment', { hasText: 'Bring the bus pass on Friday.' });
    await item.waitFor();
    assert.match(await item.innerText(), /Open[\s\S]*Who keeps it\s+Tomas Reluvo/);
    await checkPage(page, 'case-commitments');

    // Meanwhile the supervisor adds a note: the version the page holds is stale.
    const [promise] = (await caseworker.ok('GET', `/api/v1/cases/${kase.id}/commitments`)).items;
    await supervisor.ok('PATCH', `/api/v1/commitments/${promise.id}`, { note: 'Checked with the office.' }, {
      'If-Match': `"${promise.version}"`,
    });
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'PATCH'),
      item.getByRole('button', { name: /^Mark kept/ }).click(),
    ]);
    assert.equal(answer.status(), 409);
    await page.locator('.notice-warning', { hasText: 'Someone else changed this promise — review their change' }).waitFor();
    const untouched = (await caseworker.ok('GET', `/api/v1/cases/${kase.id}/commitments`)).items[0];
    assert.equal(untouched.status, 'open', 'nothing of the stale change was saved');
    assert.equal(untouched.version, promise.version + 1);
    // With their version in hand, keeping it works.
    await page.locator('li.commitment', { hasText: 'Bring the bus pass on Friday.' }).getByRole('button', { name: /^Mark kept/ }).click();
    await page.locator('li.commitment .badge-commitment-kept', { hasText: 'Kept on time' }).waitFor();
    const kept = (await caseworker.ok('GET', `/api/v1/cases/${kase.id}/commitments`)).items[0];
    assert.equal(kept.status, 'kept');
    assert.equal(kept.kept_on_time, true);
    assert.equal(kept.version, promise.version + 2);

    // Changing a promise needs a word on how the survivor was told.
    await page.locator('#commitment-what').fill('Find a Swahili-speaking counsellor.');
    await page.getByRole('button', { name: 'Add the promise' }).click();
    const other = page.locator('li.commitment', { hasText: 'Find a Swahili-speaking counsellor.' });
    await other.getByRole('button', { name: 'Changed or missed…' }).click();
    await other.getByRole('button', { name: 'Record' }).click();
    await other.locator('.error-text', { hasText: 'Write how the survivor was told.' }).waitFor();
    await other.locator('input[id$="-told"]').fill('By phone, on Tuesday.');
    await other.getByRole('button', { name: 'Record' }).click();
    await page.locator('li.commitment', { hasText: 'By phone, on Tuesday.' }).waitFor();
    assertClean(context);
    await context.close();
  });

  test('the safety plan and a hearing with its accommodations, at 360 px', async () => {
    const { kase } = await freshCase('Calm Heron');
    const context = await newContext(browser, { locale: 'en-GB', viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await signIn(page, 'caseworker');
    await openSection(page, kase.id, 'safety-plan');
    await page.locator('p', { hasText: 'This case has no safety plan yet.' }).waitFor();
    await page.locator('#plan-risk').selectOption('high');
    await page.locator('#plan-item-0-text').fill('The library on the main square.');
    await page.getByRole('button', { name: 'Add an item' }).click();
    await page.locator('#plan-item-1-kind').selectOption('trusted_person');
    await page.locator('#plan-item-1-text').fill('Her aunt, by phone.');
    await page.getByRole('button', { name: 'Save the plan' }).click();
    await page.locator('.notice-success', { hasText: 'The safety plan is saved.' }).waitFor();
    assert.match(await page.locator('#safety-plan').innerText(), /Risk: High[\s\S]*Safe place\s+The library on the main square\.[\s\S]*Trusted person\s+Her aunt, by phone\./);
    assert.ok((await overflow()) <= 0, 'the safety plan fits at 360 px');
    await checkPage(page, 'case-safety-plan-360', { fullPage: false });
    const plan = await caseworker.ok('GET', `/api/v1/cases/${kase.id}/safety-plan`);
    assert.equal(plan.risk_level, 'high');
    assert.equal(plan.items.length, 2);

    await openSection(page, kase.id, 'hearings');
    await page.locator('#hearing-court').fill('Invented High Court');
    await page.locator('#hearing-date').fill(day(10));
    await page.locator('#hearing-kind').selectOption('testimony');
    await page.locator('#hearing-requested-screen').check();
    await page.locator('#hearing-requested-support_person').check();
    await page.getByRole('button', { name: 'Add the hearing' }).click();
    const card = page.locator('article.hearing');
    await card.waitFor();
    assert.match(await card.innerText(), /Survivor not told yet/);
    assert.match(await card.innerText(), /Support asked for\s+a screen and a support person/);
    await card.locator('summary').click();
    await card.locator('input[id$="-granted-screen"]').check();
    await card.locator('input[id$="-told"]').check();
    await card.getByRole('button', { name: 'Save' }).click();
    await page.locator('.notice-success', { hasText: 'The hearing is saved.' }).waitFor();
    // The card is drawn again from the saved hearing: wait for it, not for the notice alone.
    const saved = page.locator('article.hearing', { hasText: 'Survivor told on' });
    await saved.waitFor();
    assert.match(await saved.innerText(), /Support granted\s+a screen/);
    assert.ok((await overflow()) <= 0, 'hearings fit at 360 px');
    await checkPage(page, 'case-hearings-360', { fullPage: false });
    const [hearing] = (await caseworker.ok('GET', `/api/v1/cases/${kase.id}/hearings`)).items;
    assert.deepEqual(hearing.accommodations_granted, ['screen']);
    assert.ok(hearing.survivor_notified_at);
    assert.equal(hearing.notice_due, false);
    assertClean(context);
    await context.close();
  });

  test('a case review records who attended and its decisions; an owned decision becomes a team commitment', async () => {
    const { kase } = await freshCase('Patient Ibis');
    const context = await newContext(browser, { locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, 'caseworker');
    await openSection(page, kase.id, 'reviews');
    await page.locator('p', { hasText: 'No case review is recorded yet.' }).waitFor();
    await page.getByRole('button', { name: 'Record the review' }).click();
    await page.locator('.notice-error a', { hasText: 'Choose who attended.' }).waitFor();
    await page.getByRole('checkbox', { name: 'Tomas Reluvo' }).check();
    await page.locator('#review-decision-0').fill('Ask the school about a place.');
    await page.locator('#review-decision-0-owner').selectOption({ label: 'Tomas Reluvo' });
    await page.getByRole('button', { name: 'Record the review' }).click();
    await page.locator('.notice-error a', { hasText: 'Give both an owner and a due date, or neither.' }).waitFor();
    await page.locator('#review-decision-0-due').fill(day(6));
    await page.getByRole('button', { name: 'Record the review' }).click();
    await page.locator('.notice-success', { hasText: 'The case review is recorded.' }).waitFor();
    const review = page.locator('article.review');
    assert.match(await review.innerText(), /Who attended\s+Tomas Reluvo[\s\S]*Ask the school about a place\. · Tomas Reluvo, by/);
    await checkPage(page, 'case-reviews');
    const [stored] = (await caseworker.ok('GET', `/api/v1/cases/${kase.id}/reviews`)).items;
    assert.ok(stored.decisions[0].commitment_id, 'the owned decision became a commitment');
    await openSection(page, kase.id, 'commitments');
    const team = page.locator('li.commitment', { hasText: 'Ask the school about a place.' });
    await team.waitFor();
    assert.match(await team.innerText(), /Team commitment/);
    assertClean(context);
    await context.close();
  });

  test('the timeline lists the case records newest first, each linking to its section', async () => {
    const { kase } = await freshCase('Even Heron');
    const me = await caseworker.ok('GET', '/api/v1/me');
    const staffId = (me.staff ?? me).id;
    await caseworker.ok('POST', `/api/v1/cases/${kase.id}/reviews`, {
      held_at: new Date(Date.now() - 60_000).toISOString().replace(/\.\d+Z$/, 'Z'),
      attendees: [staffId],
      decisions: [{ text: 'Look for a school place.' }],
    });
    await caseworker.ok('POST', `/api/v1/cases/${kase.id}/commitments`, {
      what: 'Call the school about a place.',
      owner_id: staffId,
      due: day(5),
    });
    const context = await newContext(browser, { locale: 'fr-FR' });
    const page = await context.newPage();
    await signIn(page, 'caseworker');
    await openSection(page, kase.id, 'timeline');
    assert.equal(await page.locator('#timeline-heading').innerText(), 'Chronologie');
    const rows = page.locator('table.timeline tbody tr');
    await rows.first().waitFor();
    const kinds = await rows.locator('td:nth-child(2)').allInnerTexts();
    // Newest first: the review was held a minute before the promise was made.
    assert.deepEqual(kinds, ['Engagement pris', 'Revue de dossier']);
    assert.equal(await rows.nth(0).locator('td[lang=en]').count(), 1, 'the recorded details say they are English');
    await checkPage(page, 'case-timeline-fr');
    await rows.nth(0).getByRole('link', { name: 'Engagement pris' }).click();
    await page.locator('li.commitment', { hasText: 'Call the school about a place.' }).waitFor();
    assertClean(context);
    await context.close();
  });

  test('outcome assessments: the domain scores over time as a chart and a table', async () => {
    const { kase } = await freshCase('Steady Crane');
    const instrument = await caseworker.ok('GET', '/api/v1/assessments/instrument');
    const scores = (level) =>
      Object.fromEntries(
        instrument.domains.map((d) => [d.key, Object.fromEntries(d.sub_domains.map((s) => [s.key, level]))]),
      );
    await caseworker.ok('POST', `/api/v1/cases/${kase.id}/assessments`, { assessed_on: day(-200), scores: scores(1) });
    await caseworker.ok('POST', `/api/v1/cases/${kase.id}/assessments`, { assessed_on: day(-20), scores: scores(2) });
    const context = await newContext(browser, { locale: 'es-ES' });
    const page = await context.newPage();
    await signIn(page, 'caseworker');
    await openSection(page, kase.id, 'assessments');
    assert.equal(await page.locator('#assessments-heading').innerText(), 'Evaluaciones');
    const chart = page.locator('figure.score-chart svg[role=img]');
    await chart.waitFor();
    assert.equal(await chart.locator('polyline').count(), 6, 'one line per domain');
    assert.equal(await chart.locator('g.series').first().locator('circle').count(), 2, 'one point per assessment');

    // The form: every sub-domain needs a score.
    await page.getByRole('button', { name: 'Registrar la evaluación' }).click();
    await page.locator('.notice-error', { hasText: 'Hay un problema' }).waitFor();
    for (const d of instrument.domains) {
      for (const s of d.sub_domains) await page.locator(`#score-${d.key}-${s.key}`).selectOption('3');
    }
    await page.getByRole('button', { name: 'Registrar la evaluación' }).click();
    await page.locator('.notice-success', { hasText: 'Cuenta como restablecida.' }).waitFor();
    await page.locator('figure.score-chart g.series').first().locator('circle').nth(2).waitFor();
    const rows = await page.locator('table.scores tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())),
    );
    assert.deepEqual(rows[0].slice(1), ['1', '2', '3']);
    assert.equal(rows[0][0], 'Seguridad');
    assert.deepEqual(rows[rows.length - 1].slice(1), ['No', 'No', 'Sí']);
    await checkPage(page, 'case-assessments-es');
    const trend = await caseworker.ok('GET', `/api/v1/cases/${kase.id}/assessments/trend`);
    assert.equal(trend.points.length, 3);
    assert.equal(trend.points[2].restored, true);
    assertClean(context);
    await context.close();
  });
});

describe('alerts and the supervisor’s dashboard', () => {
  test('the dashboard shows what needs attention in the agency, and an alert is acknowledged', async () => {
    const context = await newContext(browser, { locale: 'fr-FR' });
    const page = await context.newPage();
    await signIn(page, 'supervisor');
    await page.locator('nav.main-nav').getByRole('link', { name: 'Tableau de bord' }).click();
    assert.equal(await heading(page), 'Votre structure aujourd’hui');
    const tiles = page.locator('ul.tiles li');
    await tiles.first().waitFor();
    assert.equal(await tiles.count(), 6);
    const alerts = (await supervisor.ok('GET', '/api/v1/alerts?limit=500')).items;
    const overdue = alerts.filter((a) => a.kind === 'commitment_overdue');
    assert.ok(overdue.length > 0, 'the demo has an overdue promise');
    assert.match(await tiles.nth(0).innerText(), new RegExp(`^${overdue.length}\\s+Engagements en retard`));
    const group = page.locator('#group-commitments');
    assert.equal(await group.locator('article.alert').count(), overdue.length);
    assert.match(await group.locator('article.alert').first().innerText(), /Un engagement pris envers .+ était dû le/);
    const stageRows = await page.locator('table.stages tbody tr').count();
    assert.equal(stageRows, 6);
    await checkPage(page, 'dashboard-fr');

    await group.locator('article.alert').first().getByRole('button', { name: /^Marquer comme vue/ }).click();
    await page.locator('.notice-success', { hasText: 'L’alerte est marquée comme vue' }).waitFor();
    assert.equal(await group.locator('article.alert').count(), overdue.length - 1);
    const after = (await supervisor.ok('GET', '/api/v1/alerts?limit=500')).items;
    assert.equal(after.filter((a) => a.kind === 'commitment_overdue').length, overdue.length - 1);

    // A caseworker's alerts page, in English, with the same words.
    const desk = await newContext(browser, { locale: 'en-GB' });
    const mine = await desk.newPage();
    await signIn(mine, 'caseworker');
    await mine.goto(`${baseUrl}/alerts`);
    assert.equal(await heading(mine), 'Alerts');
    await mine.locator('article.alert').first().waitFor();
    assert.ok((await mine.locator('article.alert h2', { hasText: /A promise is overdue|A referral has no answer/ }).count()) > 0);
    assert.equal(await mine.locator('nav.main-nav a', { hasText: 'Dashboard' }).count(), 0, 'the dashboard is for supervisors');
    await checkPage(mine, 'alerts');
    assertClean(desk);
    await desk.close();
    assertClean(context);
    await context.close();
  });
});
