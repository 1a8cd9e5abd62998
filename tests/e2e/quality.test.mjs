// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Weight, origin and headers: the first load of the workspace transfers at
// most 120 KB compressed, no request leaves the server's origin, and every
// response carries the security headers the app must run under.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertClean, baseUrl, launch, newContext, origin, record, signIn } from './lib.mjs';

const kBudget = 120 * 1024;

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

// Bytes received over the network for every request of one page load, as
// the browser counts them (compressed bodies plus headers).
async function measure(context, path) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const requests = new Map();
  cdp.on('Network.responseReceived', (e) => {
    requests.set(e.requestId, {
      url: e.response.url,
      type: e.type,
      encoding: e.response.headers['content-encoding'] ?? e.response.headers['Content-Encoding'] ?? '',
    });
  });
  const sizes = new Map();
  cdp.on('Network.loadingFinished', (e) => sizes.set(e.requestId, e.encodedDataLength));
  await page.goto(`${baseUrl}${path}`, { waitUntil: 'networkidle' });
  await page.locator('main h1').waitFor();
  const items = [...requests.entries()].map(([id, r]) => ({ ...r, bytes: sizes.get(id) ?? 0 }));
  await page.close();
  return items;
}

describe('page weight', () => {
  test('the first load of the workspace transfers at most 120 KB compressed', async () => {
    // Signed out: the login page (the first thing anyone loads).
    const anonymous = await newContext(browser, { locale: 'en-GB' });
    const signedOut = await measure(anonymous, '/');
    assertClean(anonymous);
    await anonymous.close();

    // Signed in, with an empty cache: the caseload and the API calls it makes.
    const warm = await newContext(browser, { locale: 'en-GB' });
    const page = await warm.newPage();
    await signIn(page, 'caseworker');
    const state = await warm.storageState();
    await warm.close();
    const fresh = await newContext(browser, { locale: 'en-GB', storageState: state });
    const signedIn = await measure(fresh, '/');
    assertClean(fresh);
    await fresh.close();

    const total = (items) => items.reduce((n, i) => n + i.bytes, 0);
    const byType = (items) =>
      items.reduce((acc, i) => ({ ...acc, [i.type]: (acc[i.type] ?? 0) + i.bytes }), {});
    for (const [name, items] of [
      ['signed out (login)', signedOut],
      ['signed in (caseload)', signedIn],
    ]) {
      assert.ok(total(items) <= kBudget, `${name}: ${total(items)} bytes over the ${kBudget}-byte budget`);
      // Scripts and styles came compressed.
      for (const i of items.filter((x) => x.type === 'Script' || x.type === 'Stylesheet' || x.type === 'Document')) {
        assert.equal(i.encoding, 'gzip', `${i.url} was not compressed`);
      }
      assert.ok(items.every((i) => new URL(i.url).origin === origin));
    }
    record('first load, signed out (bytes transferred)', { total: total(signedOut), ...byType(signedOut) });
    record('first load, signed in (bytes transferred)', { total: total(signedIn), ...byType(signedIn) });
  });
});

describe('origin and headers', () => {
  test('every screen of the workspace stays on the server’s own origin', async () => {
    const context = await newContext(browser, { locale: 'en-GB' });
    const page = await context.newPage();
    const seen = [];
    page.on('request', (r) => seen.push(r.url()));
    await signIn(page, 'caseworker');
    await page.locator('tbody th a').first().click();
    await page.locator('nav.tabs').waitFor();
    for (const section of ['Team', 'Identity', 'Overview']) {
      await page.locator('nav.tabs').getByRole('link', { name: section }).click();
      await page.locator('.section h2').waitFor();
    }
    await page.goto(`${baseUrl}/survivors/new`);
    await page.locator('main h1').waitFor();
    await page.goto(`${baseUrl}/me`);
    await page.locator('dl.summary').waitFor();
    await page.goto(`${baseUrl}/portal`);
    await page.locator('main h1').waitFor();
    assert.ok(seen.length > 10);
    const foreign = seen.filter((u) => new URL(u).origin !== origin);
    assert.deepEqual(foreign, []);
    assertClean(context);
    await context.close();
  });

  test('pages and assets carry the security headers; portal pages are never stored', async () => {
    const index = await fetch(`${baseUrl}/`, { headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(index.status, 200);
    const csp = index.headers.get('content-security-policy');
    assert.ok(csp);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /script-src 'self'/);
    assert.equal(index.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(index.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(index.headers.get('cache-control'), 'no-store');
    const html = await index.text();
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script');
    assert.doesNotMatch(html, /<style|style=/, 'no inline style');
    const script = html.match(/<script[^>]*src="([^"]+)"/)[1];
    const asset = await fetch(`${baseUrl}${script}`, { method: 'HEAD' });
    assert.equal(asset.status, 200);
    assert.match(asset.headers.get('content-type'), /^text\/javascript/);
    assert.match(asset.headers.get('cache-control'), /immutable/);
    assert.match(asset.headers.get('content-security-policy'), /default-src 'self'/);

    for (const path of ['/portal', '/portal/anything']) {
      const r = await fetch(`${baseUrl}${path}`);
      assert.equal(r.status, 200);
      assert.equal(r.headers.get('cache-control'), 'no-store', path);
      assert.equal(r.headers.get('set-cookie'), null, `${path} sets no cookie`);
    }
    assert.equal((await fetch(`${baseUrl}/assets/no-such-file.js`)).status, 404);
  });
});
