// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// The browser app's entry: the survivor portal under /portal, the caseworker
// workspace everywhere else. Each is its own chunk, fetched with the one
// language catalogue the page speaks, so neither loads the other's code.
import { render, type FunctionComponent } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';
import { chooseRealm } from './api/client';
import { I18nContext, initialLocale, loadI18n, rememberLanguageFor, rememberLocale, type I18n, type Locale } from './i18n';
import './styles.css';

type App = FunctionComponent<{ onLocale: (locale: Locale) => void }>;

export function isPortalPath(path: string): boolean {
  return path === '/portal' || path.startsWith('/portal/');
}

function Root({ initial, App, preferred }: { initial: I18n; App: App; preferred: readonly string[] }) {
  const [i18n, setI18n] = useState(initial);
  // In the same task as the render, so the page never shows one language
  // while saying it is in another.
  useLayoutEffect(() => {
    document.documentElement.lang = i18n.locale;
  }, [i18n]);
  const choose = (locale: Locale) => {
    rememberLocale(locale);
    void loadI18n(locale, preferred).then(setI18n);
  };
  return (
    <I18nContext.Provider value={i18n}>
      <App onLocale={choose} />
    </I18nContext.Provider>
  );
}

async function start(): Promise<void> {
  const preferred = navigator.languages ?? [navigator.language];
  const portal = isPortalPath(window.location.pathname);
  chooseRealm(portal ? 'portal' : 'workspace');
  rememberLanguageFor(portal ? 'session' : 'local');
  const locale = initialLocale(window.location.search, preferred);
  const [i18n, App] = await Promise.all([
    loadI18n(locale, preferred),
    portal
      ? import('./portal/PortalApp').then((m): App => m.PortalApp)
      : import('./workspace/Workspace').then((m): App => m.Workspace),
  ]);
  render(<Root initial={i18n} App={App} preferred={preferred} />, document.getElementById('app')!);
}

void start();
