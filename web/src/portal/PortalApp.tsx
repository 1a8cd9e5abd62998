// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// The survivor portal's shell. Quick exit is on every portal page; leaving
// by it also ends the session and forgets the portal's token. The portal
// keeps to one history entry: its screens change in place, never the
// address, so Back leaves the portal rather than walking through it, and a
// page that comes back from the browser's cache is left at once.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { whenSignedOut } from '../api/client';
import * as portal from '../api/portal';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { Loading } from '../components/messages';
import { kDefaultExitUrl, QuickExit } from '../components/QuickExit';
import { hasChosenLocale, kLocales, useI18n, type Locale } from '../i18n';
import { PortalHome } from './PortalHome';
import { SignIn } from './SignIn';

export type PortalNotice = 'signed_out' | 'session_expired' | null;

type State =
  | { state: 'checking' }
  | { state: 'signed_out'; notice: PortalNotice }
  | { state: 'signed_in'; survivor: portal.PortalSurvivor };

// Forgets everything the portal kept in this tab.
function forgetTab(): void {
  try {
    sessionStorage.clear();
  } catch {
    // Nothing was kept.
  }
}

export function PortalApp({ onLocale }: { onLocale: (locale: Locale) => void }) {
  const { t, locale } = useI18n();
  const [exitUrl, setExitUrl] = useState(kDefaultExitUrl);
  const [s, setS] = useState<State>({ state: 'checking' });

  useEffect(() => {
    portal.config().then(
      (c) => setExitUrl(c.exit_url),
      () => undefined,
    );
    whenSignedOut((code) =>
      setS((now) =>
        now.state === 'signed_in' ? { state: 'signed_out', notice: code === 'session_expired' ? 'session_expired' : null } : now,
      ),
    );
    portal.me().then(
      (me) => setS({ state: 'signed_in', survivor: me.survivor }),
      () => setS({ state: 'signed_out', notice: null }),
    );
  }, []);

  const signedIn = (survivor: portal.PortalSurvivor) => {
    // The survivor's own language, unless they chose one here.
    if (!hasChosenLocale(window.location.search) && !survivor.languages.includes(locale)) {
      const theirs = survivor.languages.find((l): l is Locale => (kLocales as readonly string[]).includes(l));
      if (theirs) onLocale(theirs);
    }
    setS({ state: 'signed_in', survivor });
  };

  const signOut = async () => {
    try {
      await portal.logout();
    } finally {
      forgetTab();
      setS({ state: 'signed_out', notice: 'signed_out' });
    }
  };

  const onExit = useCallback(() => {
    portal.logoutWhileLeaving();
    forgetTab();
  }, []);

  return (
    <div class="portal">
      <QuickExit href={exitUrl} onExit={onExit} />
      <header class="portal-header">
        <span class="brand">onestory</span>
        <div class="portal-header-end">
          {s.state === 'signed_in' && (
            <button type="button" class="button-link portal-signout" onClick={signOut}>
              {t('portal.signOut')}
            </button>
          )}
          <LanguageSwitcher onChange={onLocale} />
        </div>
      </header>
      <main id="main" class="container portal-main" tabIndex={-1}>
        {s.state === 'checking' && <Loading />}
        {s.state === 'signed_out' && <SignIn notice={s.notice} onSignedIn={signedIn} />}
        {s.state === 'signed_in' && <PortalHome survivor={s.survivor} />}
      </main>
    </div>
  );
}
