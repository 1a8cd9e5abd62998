// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// The browser app's entry: the survivor portal under /portal, the caseworker
// workspace everywhere else. Both share the language and the styles.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { I18n, I18nContext, initialLocale, rememberLocale, type Locale } from './i18n';
import { PortalApp } from './portal/PortalApp';
import { useLocation } from './router';
import { Workspace } from './workspace/Workspace';
import './styles.css';

function Root() {
  const preferred = navigator.languages ?? [navigator.language];
  const [i18n, setI18n] = useState(() => new I18n(initialLocale(window.location.search, preferred), preferred));
  const { path } = useLocation();
  useEffect(() => {
    document.documentElement.lang = i18n.locale;
  }, [i18n]);
  const choose = (locale: Locale) => {
    rememberLocale(locale);
    setI18n(new I18n(locale, preferred));
  };
  const portal = path === '/portal' || path.startsWith('/portal/');
  return (
    <I18nContext.Provider value={i18n}>
      {portal ? <PortalApp onLocale={choose} /> : <Workspace onLocale={choose} />}
    </I18nContext.Provider>
  );
}

render(<Root />, document.getElementById('app')!);
