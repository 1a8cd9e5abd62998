// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Notices and errors, in the user's language. Server error codes map to
// catalogue entries; anything unknown falls back to a plain sentence for its
// kind of failure.
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { ApiError } from '../api/client';
import { useI18n, type I18n, type MessageKey } from '../i18n';

export function errorText(i18n: I18n, error: unknown): string {
  if (!(error instanceof ApiError)) return i18n.t('error.unexpected');
  const byCode = `error.code.${error.code}`;
  if (i18n.has(byCode)) return i18n.t(byCode as MessageKey);
  if (error.status === 0) return i18n.t('error.network');
  if (error.status === 400 && error.field) return i18n.t('error.invalidField', { field: error.field });
  const byStatus = `error.status.${error.status}`;
  if (i18n.has(byStatus)) return i18n.t(byStatus as MessageKey);
  return i18n.t('error.unexpected');
}

type Tone = 'info' | 'success' | 'warning' | 'error';

interface NoticeProps {
  tone: Tone;
  title?: string;
  children?: ComponentChildren;
  // Take focus when shown, so keyboard and screen-reader users meet it first.
  focus?: boolean;
  id?: string;
}

export function Notice({ tone, title, children, focus, id }: NoticeProps) {
  const ref = useRef<HTMLDivElement>(null);
  // Before the browser paints, so nothing else can take the focus first.
  useLayoutEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  const urgent = tone === 'error' || tone === 'warning';
  return (
    <div
      id={id}
      ref={ref}
      class={`notice notice-${tone}`}
      role={urgent ? 'alert' : 'status'}
      tabIndex={focus ? -1 : undefined}
    >
      {title && <p class="notice-title">{title}</p>}
      {children}
    </div>
  );
}

export function ErrorNotice({ error, focus = true }: { error: unknown; focus?: boolean }) {
  const i18n = useI18n();
  return (
    <Notice tone="error" focus={focus}>
      <p>{errorText(i18n, error)}</p>
    </Notice>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p class="loading" role="status" aria-live="polite">
      {t('common.loading')}
    </p>
  );
}
