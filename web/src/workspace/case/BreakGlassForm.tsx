// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Breaking the glass: an emergency, read-only opening of a case that is not
// shared with the reader, for 60 minutes. It needs a written reason, is
// recorded, and alerts the supervisors of the agency that owns the case.
import { useState } from 'preact/hooks';
import * as api from '../../api/endpoints';
import { ErrorSummary, errorFor, type FieldError } from '../../components/ErrorSummary';
import { TextAreaField } from '../../components/fields';
import { ErrorNotice } from '../../components/messages';
import { useI18n } from '../../i18n';

const kMinReason = 20;

export function BreakGlassForm({ caseId, onGranted }: { caseId: string; onGranted: () => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [round, setRound] = useState(0);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    const list: FieldError[] = [];
    if (reason.trim().length < kMinReason) list.push({ field: 'glass-reason', message: t('glass.error.reason', { min: kMinReason }) });
    setErrors(list);
    setRound((r) => r + 1);
    setFailure(undefined);
    if (list.length) return;
    setBusy(true);
    try {
      await api.breakGlass(caseId, reason.trim());
      onGranted();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="card glass" id="break-glass" onSubmit={submit} noValidate aria-labelledby="glass-heading">
      <h2 id="glass-heading">{t('glass.title')}</h2>
      <p>{t('glass.explained')}</p>
      <ErrorSummary errors={errors} round={round} />
      {failure !== undefined && <ErrorNotice error={failure} />}
      <TextAreaField
        id="glass-reason"
        label={t('glass.reason')}
        hint={t('glass.reasonHint', { min: kMinReason })}
        value={reason}
        onValue={setReason}
        rows={3}
        error={errorFor(errors, 'glass-reason')}
      />
      <button type="submit" class="button button-warning" disabled={busy}>
        {t('glass.submit')}
      </button>
    </form>
  );
}
