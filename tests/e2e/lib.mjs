// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Shared by the browser tests: Debian's Chromium through playwright-core, a
// guard on every browser context (no request may leave the server's origin;
// no Content-Security-Policy violation may happen), axe-core in the page, a
// screenshot of each screen checked, and a small API client for setting up
// data the way another user would.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

export const baseUrl = process.env.ONESTORY_E2E_URL;
if (!baseUrl) throw new Error('ONESTORY_E2E_URL is not set: run the browser tests with tests/e2e/run.mjs');
export const origin = new URL(baseUrl).origin;
export const outDir = process.env.ONESTORY_E2E_OUT ?? join(here, '..', '..', 'test-output');
export const screenshotDir = join(outDir, 'screenshots');
mkdirSync(screenshotDir, { recursive: true });

export const kPassword = 'demo-password-1';
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const chromiumPath = process.env.ONESTORY_CHROMIUM ?? '/usr/bin/chromium';

export async function launch() {
  // playwright-core starts the browser with a fresh temporary profile
  // (--user-data-dir) of its own for every launch.
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-default-apps',
      '--disable-domain-reliability',
      '--metrics-recording-only',
    ],
  });
}

function sameOrigin(url) {
  if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return true;
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

// A browser context watched for requests to other origins (blocked and
// recorded) and for CSP violations (recorded). `allow` lists URL prefixes a
// test expects to leave for (quick exit's neutral site, answered locally).
export async function newContext(browser, options = {}) {
  const { allow = [], ...contextOptions } = options;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...contextOptions });
  const watch = { external: [], csp: [], pageErrors: [] };
  context.on('request', (request) => {
    const url = request.url();
    if (!sameOrigin(url) && !allow.some((a) => url.startsWith(a))) watch.external.push(url);
  });
  await context.route(
    (url) => !sameOrigin(url.href),
    (route) => route.abort('blockedbyclient'),
  );
  // Init scripts run outside the page's CSP, so this listener always installs.
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  context.on('page', (page) => {
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) watch.csp.push(message.text());
    });
    page.on('pageerror', (error) => watch.pageErrors.push(error.message));
  });
  context.watch = watch;
  return context;
}

// Every context ends with this: nothing left the origin, the CSP held, and
// the app threw no uncaught errors.
export function assertClean(context) {
  assert.deepEqual(context.watch.external, [], 'requests left the origin');
  assert.deepEqual(context.watch.csp, [], 'Content-Security-Policy violations');
  assert.deepEqual(context.watch.pageErrors, [], 'uncaught errors in the page');
}

// axe-core in the page (evaluated through the DevTools protocol, so the page's
// CSP does not block it): no serious or critical violation. Then a screenshot.
export async function checkPage(page, name, { fullPage = true } = {}) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
    }));
  });
  const grave = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(grave, [], `axe found serious or critical violations on ${name}`);
  const violations = await page.evaluate(() => window.__cspViolations ?? []);
  assert.deepEqual(violations, [], `CSP violations on ${name}`);
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage });
  return result;
}

export async function signIn(page, username, password = kPassword) {
  await page.goto(`${baseUrl}/login`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('form button[type=submit]').click();
  await page.locator('h1').filter({ hasNotText: /^(Sign in|Iniciar sesión|Se connecter)$/ }).waitFor();
}

// The text of the page's main heading, once it is there.
export async function heading(page) {
  const h1 = page.locator('main h1');
  await h1.waitFor();
  return (await h1.innerText()).trim();
}

// The API, as another user in another place would use it (bearer token).
export class Api {
  static async as(username, password = kPassword) {
    const r = await fetch(`${baseUrl}/api/v1/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    assert.equal(r.status, 200, `API login of ${username}`);
    const body = await r.json();
    return new Api(body.token, body.staff);
  }

  constructor(token, staff) {
    this.token = token;
    this.staff = staff;
  }

  async send(method, path, body, headers = {}) {
    const r = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    return { status: r.status, headers: r.headers, body: text ? JSON.parse(text) : null };
  }

  async ok(method, path, body, headers) {
    const r = await this.send(method, path, body, headers);
    assert.ok(r.status >= 200 && r.status < 300, `${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }

  // A survivor with a case this user leads.
  async registerWithCase(survivor) {
    const s = await this.ok('POST', '/api/v1/survivors', survivor);
    const c = await this.ok('POST', '/api/v1/cases', { survivor_id: s.id });
    return { survivor: s, kase: c };
  }

  // Moves the server's test clock (serve --test-clock).
  advanceClock(seconds) {
    return this.ok('POST', '/api/v1/test/clock', { advance_seconds: seconds });
  }
}

// Figures a test wants in the final report (page weights), merged into one file.
export function record(name, value) {
  const file = join(outDir, 'figures.json');
  const all = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  all[name] = value;
  writeFileSync(file, JSON.stringify(all, null, 2));
}

// Unique, invented names for records a test creates.
let counter = 0;
export function unique(prefix) {
  counter += 1;
  return `${prefix} ${Date.now().toString(36).slice(-4)}${counter}`;
}
