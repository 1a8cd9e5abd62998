// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Signing in and out, in each language; the lockout and idle-timeout
// messages; signing in with the keyboard alone.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { join } from 'node:path';
import { Api, assertClean, baseUrl, checkPage, heading, kPassword, launch, newContext, screenshotDir, signIn } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const kLanguages = [
  { locale: 'en-GB', lang: 'en', signIn: 'Sign in', caseload: 'Your caseload', label: 'Username', cases: /^\d+ cases?$/ },
  { locale: 'es-ES', lang: 'es', signIn: 'Iniciar sesión', caseload: 'Sus casos', label: 'Nombre de usuario', cases: /^\d+ casos?$/ },
  { locale: 'fr-FR', lang: 'fr', signIn: 'Se connecter', caseload: 'Vos dossiers', label: 'Nom d’utilisateur', cases: /^\d+ dossiers?$/ },
];

describe('signing in, in each language', () => {
  for (const l of kLanguages) {
    test(`the browser's ${l.locale} chooses the language, and a caseworker signs in`, async () => {
      const context = await newContext(browser, { locale: l.locale });
      const page = await context.newPage();
      const answer = await page.goto(`${baseUrl}/`);
      assert.equal(answer.status(), 200);
      assert.equal(await heading(page), l.signIn);
      assert.equal(new URL(page.url()).pathname, '/login');
      assert.equal(await page.getAttribute('html', 'lang'), l.lang);
      assert.equal((await page.locator('label[for=username]').innerText()).trim(), l.label);
      await checkPage(page, `login-${l.lang}`);

      await page.locator('#username').fill('caseworker');
      await page.locator('#password').fill(kPassword);
      await page.locator('form button[type=submit]').click();
      await page.locator('main h1', { hasText: l.caseload }).waitFor();
      assert.equal(new URL(page.url()).pathname, '/');
      assert.match((await page.locator('.count').innerText()).trim(), l.cases);

      // Dates are written the locale's way: the page's text is what Intl
      // gives for this language, and not the English form.
      const cell = page.locator('tbody tr').first().locator('td').last();
      const shown = (await cell.innerText()).trim();
      const [inLocale, inEnglish] = await page.evaluate(async (locale) => {
        const cases = await (await fetch('/api/v1/cases?limit=1')).json();
        const at = new Date(cases.items[0].updated_at);
        const options = { dateStyle: 'medium', timeStyle: 'short' };
        return [new Intl.DateTimeFormat(locale, options).format(at), new Intl.DateTimeFormat('en-US', options).format(at)];
      }, l.locale);
      assert.equal(shown, inLocale);
      assert.notEqual(shown, inEnglish, 'not the US English form');
      await checkPage(page, `caseload-${l.lang}`);
      assertClean(context);
      await context.close();
    });
  }

  test('?lang= in the URL wins over the browser, is remembered, and the switcher changes it', async () => {
    const context = await newContext(browser, { locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/login?lang=fr`);
    assert.equal(await heading(page), 'Se connecter');
    await page.goto(`${baseUrl}/login`);
    assert.equal(await heading(page), 'Se connecter', 'the choice is remembered');
    await page.locator('#language-select').selectOption('es');
    await page.locator('main h1', { hasText: 'Iniciar sesión' }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'es');
    await page.reload();
    assert.equal(await heading(page), 'Iniciar sesión');
    // Any URL takes ?lang=, also after signing in.
    await signIn(page, 'caseworker');
    await page.goto(`${baseUrl}/me?lang=en`);
    assert.equal(await heading(page), 'Your account');
    assertClean(context);
    await context.close();
  });
});

describe('messages at sign-in', () => {
  test('wrong passwords, then the lockout with how long it lasts (429 Retry-After)', async () => {
    const context = await newContext(browser, { locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/login`);
    // The demo installation locks an account after 5 failures, for 15 minutes.
    for (let i = 0; i < 5; i++) {
      await page.locator('#username').fill('analyst');
      await page.locator('#password').fill(`not-the-password-${i}`);
      await page.locator('form button[type=submit]').click();
      const alert = page.locator('#login-error');
      await alert.waitFor();
      assert.equal((await alert.innerText()).trim(), 'The username or password is not right.');
      // The message takes focus, so a screen reader reads it at once.
      await page.waitForFunction(() => document.activeElement?.id === 'login-error');
      assert.equal(await page.locator('#password').inputValue(), '', 'the password field is cleared');
    }
    await page.locator('#username').fill('analyst');
    await page.locator('#password').fill(kPassword);
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/login')),
      page.locator('form button[type=submit]').click(),
    ]);
    assert.equal(answer.status(), 429);
    assert.equal(answer.headers()['retry-after'], '900');
    const alert = page.locator('#login-error');
    await alert.locator('.notice-title', { hasText: 'This account is locked for now' }).waitFor();
    const text = await alert.innerText();
    assert.match(text, /Try again in 15 minutes \(after [^)]+\)/);
    assert.equal(new URL(page.url()).pathname, '/login', 'still signed out');
    await checkPage(page, 'login-locked');
    assertClean(context);
    await context.close();
  });

  test('after the idle timeout the next request shows why the session ended', async () => {
    const context = await newContext(browser, { locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, 'caseworker2');
    assert.equal(await heading(page), 'Your caseload');
    // 31 minutes pass without a request from this browser (idle timeout: 30).
    const clockKeeper = await Api.as('trainer');
    await clockKeeper.advanceClock(31 * 60);
    await page.getByRole('link', { name: 'Register a survivor' }).first().click();
    await page.locator('main h1', { hasText: 'Sign in' }).waitFor();
    const notice = page.locator('main .notice');
    assert.match(await notice.innerText(), /signed out because the session was not used for a while/);
    assert.equal(new URL(page.url()).searchParams.get('next'), '/survivors/new');
    await checkPage(page, 'login-session-expired');
    // Signing in again returns to the page that was asked for.
    await page.locator('#username').fill('caseworker2');
    await page.locator('#password').fill(kPassword);
    await page.locator('form button[type=submit]').click();
    await page.locator('main h1', { hasText: 'Register a survivor' }).waitFor();
    assertClean(context);
    await context.close();
  });
});

describe('keyboard and signing out', () => {
  test('signing in with the keyboard alone, with the focus always visible', async () => {
    const context = await newContext(browser, { locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/login`);
    await heading(page);
    const focused = () =>
      page.evaluate(() => {
        const e = document.activeElement;
        const style = getComputedStyle(e);
        return {
          id: e.id,
          tag: e.tagName.toLowerCase(),
          text: (e.textContent ?? '').trim(),
          outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
          highlighted: style.backgroundColor === 'rgb(255, 191, 71)',
        };
      });
    await page.keyboard.press('Tab');
    let f = await focused();
    assert.equal(f.text, 'Skip to main content');
    assert.ok(f.highlighted || f.outline, 'the skip link shows focus');
    await page.keyboard.press('Tab');
    assert.equal((await focused()).id, 'language-select');
    await page.keyboard.press('Tab');
    f = await focused();
    assert.equal(f.id, 'username');
    assert.ok(f.outline, 'the username field shows focus');
    await page.keyboard.type('caseworker');
    await page.keyboard.press('Tab');
    f = await focused();
    assert.equal(f.id, 'password');
    await page.keyboard.type(kPassword);
    await page.screenshot({ path: join(screenshotDir, 'login-keyboard.png') });
    await page.keyboard.press('Enter');
    await page.locator('main h1', { hasText: 'Your caseload' }).waitFor();

    // The new page's heading has the focus; on from there to the first case,
    // and into it, by keyboard.
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
    let guard = 0;
    while (!(await page.evaluate(() => document.activeElement?.closest('tbody') !== null)) && guard++ < 10) {
      await page.keyboard.press('Tab');
    }
    f = await focused();
    assert.equal(f.tag, 'a', 'reached the first case link by Tab');
    await page.keyboard.press('Enter');
    await page.locator('nav.tabs').waitFor();
    assert.equal(await heading(page), f.text);
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'focus moves to the new page');
    assertClean(context);
    await context.close();
  });

  test('signing out ends the session on the server', async () => {
    const context = await newContext(browser, { locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, 'counsellor');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.locator('main h1', { hasText: 'Sign in' }).waitFor();
    assert.match(await page.locator('main .notice').innerText(), /You have signed out/);
    const status = await page.evaluate(async () => (await fetch('/api/v1/me')).status);
    assert.equal(status, 401);
    await page.goto(`${baseUrl}/me`);
    assert.equal(await heading(page), 'Sign in', 'a signed-out browser is sent to the login');
    assertClean(context);
    await context.close();
  });
});
