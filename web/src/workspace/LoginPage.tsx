// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
import { useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { TextField } from '../components/fields';
import { errorText, Notice } from '../components/messages';
import { Page } from '../components/Page';
import { useI18n } from '../i18n';
import { signIn, type Notice as SessionNotice } from '../session';

type Failure = { kind: 'locked'; until: Date; minutes: number } | { kind: 'error'; error: unknown } | { kind: 'missing' };

export function LoginPage({ notice }: { notice: SessionNotice }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  // Bumped on every failure so that the message takes focus again.
  const [attempt, setAttempt] = useState(0);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!username.trim() || !password) {
      setFailure({ kind: 'missing' });
      setAttempt((a) => a + 1);
      return;
    }
    setBusy(true);
    try {
      await signIn(username.trim(), password);
    } catch (error) {
      setPassword('');
      if (error instanceof ApiError && error.status === 429) {
        const seconds = error.retryAfterSeconds ?? 60;
        setFailure({ kind: 'locked', until: new Date(Date.now() + seconds * 1000), minutes: Math.ceil(seconds / 60) });
      } else {
        setFailure({ kind: 'error', error });
      }
      setAttempt((a) => a + 1);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="narrow">
      <Page title={t('login.title')}>
        <p class="lede">{t('login.lede')}</p>
        {notice && !failure && (
          <Notice tone={notice === 'signed_out' ? 'success' : 'info'}>
            <p>{t(`login.notice.${notice}`)}</p>
          </Notice>
        )}
        {failure && (
          <Notice
            key={attempt}
            tone="error"
            focus
            id="login-error"
            title={failure.kind === 'locked' ? t('login.lockedTitle') : undefined}
          >
            {failure.kind === 'locked' && (
              <p>{i18n.tn('login.locked', failure.minutes, { time: i18n.time(failure.until) })}</p>
            )}
            {failure.kind === 'error' && <p>{errorText(i18n, failure.error)}</p>}
            {failure.kind === 'missing' && <p>{t('login.missing')}</p>}
          </Notice>
        )}
        <form onSubmit={submit} noValidate class="card">
          <TextField
            id="username"
            label={t('login.username')}
            value={username}
            onValue={setUsername}
            autoComplete="username"
            autoCapitalize="none"
            spellcheck={false}
            required
          />
          <TextField
            id="password"
            type="password"
            label={t('login.password')}
            value={password}
            onValue={setPassword}
            autoComplete="current-password"
            required
          />
          <button type="submit" class="button" disabled={busy}>
            {busy ? t('login.signingIn') : t('login.submit')}
          </button>
        </form>
        <p class="hint">{t('login.help')}</p>
      </Page>
    </div>
  );
}
