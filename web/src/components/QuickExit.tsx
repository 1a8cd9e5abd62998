// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Quick exit, after the GOV.UK "Exit this page" pattern: a button always in
// view, and Shift pressed three times within five seconds, both leave at once
// for a neutral site. Leaving first blanks the page (so nothing stays on
// screen while the next site loads), then replaces this history entry, so the
// Back button does not return here. Pages that use it should also keep to one
// history entry of their own (navigate with `replace`), be sent with
// Cache-Control: no-store, and end the session when they can.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n';

// A weather page: common, dull, and gives nothing away.
export const kDefaultExitUrl = 'https://www.bbc.co.uk/weather';

const kPresses = 3;
const kWindowMs = 5000;

export function exitNow(url: string, beforeLeave?: () => void): void {
  // Blank first: the page must vanish even if the next site is slow.
  document.title = '';
  document.body.replaceChildren();
  try {
    beforeLeave?.();
  } catch {
    // Leaving matters more than tidying up.
  }
  window.location.replace(url);
}

interface Props {
  href?: string;
  // Runs while leaving, e.g. to end the session with a keepalive request.
  onExit?: () => void;
}

export function QuickExit({ href = kDefaultExitUrl, onExit }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const presses = useRef<number[]>([]);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Shift') {
        presses.current = [];
        return;
      }
      if (e.repeat) return;
      const now = Date.now();
      presses.current = [...presses.current.filter((at) => now - at < kWindowMs), now];
      const left = kPresses - presses.current.length;
      if (left <= 0) {
        presses.current = [];
        exitNow(href, onExit);
      } else {
        setAnnouncement(i18n.tn('quickExit.pressesLeft', left));
      }
    };
    // Coming back from the browser's page cache must not show the content again.
    const onPageShow = (e: PageTransitionEvent) => {
      if (e.persisted) exitNow(href, onExit);
    };
    document.addEventListener('keydown', onKeyDown);
    window.addEventListener('pageshow', onPageShow);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('pageshow', onPageShow);
    };
  }, [href, onExit, i18n]);

  return (
    <div class="quick-exit">
      <a
        class="quick-exit-button"
        href={href}
        rel="nofollow noreferrer"
        onClick={(e) => {
          e.preventDefault();
          exitNow(href, onExit);
        }}
      >
        {t('quickExit.button')}
      </a>
      <p class="quick-exit-hint">{t('quickExit.hint')}</p>
      <p class="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
