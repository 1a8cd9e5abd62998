// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// The caseworker workspace: the shell (skip link, header, navigation, account,
// language) around one screen chosen by the path. Signed-out users see the
// login, which returns them to the page they asked for.
import { useEffect, useState } from 'preact/hooks';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { Loading } from '../components/messages';
import { useI18n, type Locale } from '../i18n';
import { Link, match, navigate, useLocation } from '../router';
import { checkSession, session, signOut } from '../session';
import { useStore } from '../store';
import { CasePage } from './case/CasePage';
import { CaseloadPage } from './CaseloadPage';
import { LoginPage } from './LoginPage';
import { NotFoundPage } from './NotFoundPage';
import { ProfilePage } from './ProfilePage';
import { RegisterSurvivorPage } from './RegisterSurvivorPage';

function Screen({ path }: { path: string }) {
  if (path === '/' || path === '/cases') return <CaseloadPage />;
  if (path === '/survivors/new') return <RegisterSurvivorPage />;
  if (path === '/me') return <ProfilePage />;
  const c = match('/cases/:id/:section?', path);
  if (c) return <CasePage caseId={c.id} section={c.section ?? 'overview'} />;
  return <NotFoundPage />;
}

export function Workspace({ onLocale }: { onLocale: (locale: Locale) => void }) {
  const { t } = useI18n();
  const s = useStore(session);
  const { path, search } = useLocation();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void checkSession();
  }, []);

  // The login page lives at /login; any other path asked for while signed out
  // is remembered and reached after signing in.
  useEffect(() => {
    if (s.state === 'anonymous' && path !== '/login') {
      navigate(`/login?next=${encodeURIComponent(path + search)}`, { replace: true });
    } else if (s.state === 'signed_in' && path === '/login') {
      const next = new URLSearchParams(search).get('next');
      navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
    }
  }, [s.state, path, search]);

  const onSignOut = async () => {
    setBusy(true);
    try {
      await signOut();
    } finally {
      setBusy(false);
    }
  };

  const signedIn = s.state === 'signed_in';
  const here = (href: string) => (path === href ? 'page' : undefined);
  return (
    <>
      <a class="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <header class="topbar">
        <div class="container topbar-inner">
          {signedIn ? (
            <Link href="/" class="brand">
              onestory
            </Link>
          ) : (
            <span class="brand">onestory</span>
          )}
          {signedIn && (
            <nav aria-label={t('nav.label')} class="main-nav">
              <ul>
                <li>
                  <Link href="/" aria-current={here('/')}>
                    {t('nav.caseload')}
                  </Link>
                </li>
                <li>
                  <Link href="/survivors/new" aria-current={here('/survivors/new')}>
                    {t('nav.register')}
                  </Link>
                </li>
              </ul>
            </nav>
          )}
          <div class="topbar-end">
            {signedIn && (
              <div class="account">
                <Link href="/me" aria-current={here('/me')} class="account-name">
                  <span class="visually-hidden">{t('nav.signedInAs')} </span>
                  {s.me.display_name}
                </Link>
                <button type="button" class="button-link" onClick={onSignOut} disabled={busy}>
                  {t('nav.signOut')}
                </button>
              </div>
            )}
            <LanguageSwitcher onChange={onLocale} />
          </div>
        </div>
      </header>
      <main id="main" class="container" tabIndex={-1}>
        {s.state === 'checking' && <Loading />}
        {s.state === 'anonymous' && path === '/login' && <LoginPage notice={s.notice} />}
        {signedIn && path !== '/login' && <Screen path={path} />}
      </main>
      <footer class="footer">
        <div class="container">
          <p>{t('footer.text')}</p>
        </div>
      </footer>
    </>
  );
}
