// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Coming into the portal: signing in, or, the first time, redeeming the code
// a caseworker gave and choosing a username and a passphrase.
import { useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import * as portal from '../api/portal';
import { ErrorSummary, errorFor, type FieldError } from '../components/ErrorSummary';
import { TextField } from '../components/fields';
import { errorText, Notice } from '../components/messages';
import { useI18n } from '../i18n';
import type { PortalNotice } from './PortalApp';
import { PortalPage } from './PortalPage';

const kMinPassphrase = 12;

function Activate({ onSignedIn, onBack }: { onSignedIn: (s: portal.PortalSurvivor) => void; onBack: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [code, setCode] = useState('');
  const [username, setUsername] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [round, setRound] = useState(0);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    const list: FieldError[] = [];
    if (!code.trim()) list.push({ field: 'portal-code', message: t('portal.error.code') });
    if (username.trim().length < 3) list.push({ field: 'portal-new-username', message: t('portal.error.username') });
    if ([...passphrase].length < kMinPassphrase) {
      list.push({ field: 'portal-new-passphrase', message: t('portal.error.passphraseLength', { min: kMinPassphrase }) });
    } else if (passphrase !== again) {
      list.push({ field: 'portal-passphrase-again', message: t('portal.error.passphraseAgain') });
    }
    setFailure(undefined);
    if (list.length) {
      setErrors(list);
      setRound((r) => r + 1);
      return;
    }
    setBusy(true);
    try {
      onSignedIn(await portal.activate(code, username.trim(), passphrase));
    } catch (error) {
      setPassphrase('');
      setAgain('');
      if (error instanceof ApiError && error.code === 'invalid_code') {
        setErrors([{ field: 'portal-code', message: t('portal.error.invalidCode') }]);
      } else if (error instanceof ApiError && error.code === 'username_taken') {
        setErrors([{ field: 'portal-new-username', message: t('portal.error.usernameTaken') }]);
      } else {
        setErrors([]);
        setFailure(error);
      }
      setRound((r) => r + 1);
    } finally {
      setBusy(false);
    }
  };

  return (
    <PortalPage title={t('portal.activateTitle')}>
      <p class="lede">{t('portal.activateIntro')}</p>
      <ErrorSummary errors={errors} round={round} />
      {failure !== undefined && (
        <Notice tone="error" focus>
          <p>{errorText(i18n, failure)}</p>
        </Notice>
      )}
      <form class="card" onSubmit={submit} noValidate>
        <TextField
          id="portal-code"
          label={t('portal.code')}
          hint={t('portal.codeHint')}
          value={code}
          onValue={setCode}
          autoComplete="one-time-code"
          autoCapitalize="none"
          spellcheck={false}
          error={errorFor(errors, 'portal-code')}
        />
        <TextField
          id="portal-new-username"
          label={t('portal.chooseUsername')}
          hint={t('portal.chooseUsernameHint')}
          value={username}
          onValue={setUsername}
          autoComplete="username"
          autoCapitalize="none"
          spellcheck={false}
          error={errorFor(errors, 'portal-new-username')}
        />
        <TextField
          id="portal-new-passphrase"
          type="password"
          label={t('portal.choosePassphrase')}
          hint={t('portal.choosePassphraseHint', { min: kMinPassphrase })}
          value={passphrase}
          onValue={setPassphrase}
          autoComplete="new-password"
          error={errorFor(errors, 'portal-new-passphrase')}
        />
        <TextField
          id="portal-passphrase-again"
          type="password"
          label={t('portal.passphraseAgain')}
          value={again}
          onValue={setAgain}
          autoComplete="new-password"
          error={errorFor(errors, 'portal-passphrase-again')}
        />
        <div class="actions">
          <button type="submit" class="button" disabled={busy}>
            {t('portal.activate')}
          </button>
          <button type="button" class="button button-secondary" onClick={onBack}>
            {t('portal.haveAccount')}
          </button>
        </div>
      </form>
    </PortalPage>
  );
}

export function SignIn({ notice, onSignedIn }: { notice: PortalNotice; onSignedIn: (s: portal.PortalSurvivor) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [mode, setMode] = useState<'sign_in' | 'activate'>('sign_in');
  const [username, setUsername] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  if (mode === 'activate') return <Activate onSignedIn={onSignedIn} onBack={() => setMode('sign_in')} />;

  const submit = async (e: Event) => {
    e.preventDefault();
    setAttempt((a) => a + 1);
    if (!username.trim() || !passphrase) {
      setFailure(t('portal.error.missing'));
      return;
    }
    setBusy(true);
    try {
      onSignedIn(await portal.login(username.trim(), passphrase));
    } catch (error) {
      setPassphrase('');
      if (error instanceof ApiError && error.status === 429) {
        setFailure(i18n.tn('portal.error.locked', Math.ceil((error.retryAfterSeconds ?? 60) / 60)));
      } else if (error instanceof ApiError && error.status === 401) {
        setFailure(t('portal.error.credentials'));
      } else {
        setFailure(errorText(i18n, error));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <PortalPage title={t('portal.title')}>
      <p class="lede">{t('portal.intro')}</p>
      {notice && !failure && (
        <Notice tone="info">
          <p>{t(`portal.notice.${notice}`)}</p>
        </Notice>
      )}
      {failure && (
        <Notice key={attempt} tone="error" focus id="portal-sign-in-error">
          <p>{failure}</p>
        </Notice>
      )}
      <form class="card" onSubmit={submit} noValidate aria-labelledby="portal-sign-in-heading">
        <h2 id="portal-sign-in-heading">{t('portal.signInTitle')}</h2>
        <TextField
          id="portal-username"
          label={t('portal.username')}
          value={username}
          onValue={setUsername}
          autoComplete="username"
          autoCapitalize="none"
          spellcheck={false}
        />
        <TextField
          id="portal-passphrase"
          type="password"
          label={t('portal.passphrase')}
          value={passphrase}
          onValue={setPassphrase}
          autoComplete="current-password"
        />
        <button type="submit" class="button" disabled={busy}>
          {t('portal.signIn')}
        </button>
      </form>
      <div class="card">
        <h2>{t('portal.firstTime')}</h2>
        <p>{t('portal.firstTimeBody')}</p>
        <button type="button" class="button button-secondary" onClick={() => setMode('activate')}>
          {t('portal.haveCode')}
        </button>
      </div>
      <p class="hint">{t('portal.quickExitExplained')}</p>
    </PortalPage>
  );
}
