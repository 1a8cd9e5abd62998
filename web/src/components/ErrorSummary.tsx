// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// The GOV.UK error summary: at the top of a form after a failed submit, it
// takes focus and links to each field that needs attention.
import { useI18n } from '../i18n';
import { Notice } from './messages';

export interface FieldError {
  field: string; // the control's id
  message: string;
}

export function ErrorSummary({ errors, round }: { errors: FieldError[]; round: number }) {
  const { t } = useI18n();
  if (errors.length === 0) return null;
  return (
    <Notice key={round} tone="error" focus title={t('form.errorSummary')}>
      <ul>
        {errors.map((e) => (
          <li key={e.field}>
            <a
              href={`#${e.field}`}
              onClick={(ev) => {
                ev.preventDefault();
                document.getElementById(e.field)?.focus();
              }}
            >
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </Notice>
  );
}

export function errorFor(errors: FieldError[], field: string): string | null {
  return errors.find((e) => e.field === field)?.message ?? null;
}
