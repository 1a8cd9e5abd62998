// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// The reader's open alerts: those addressed to them and to their roles in
// their agency. Each kind is put into words from the catalogue (the server's
// English message is the fallback for a kind this app does not know). A
// break-glass alert tells a supervisor who opened which case in an
// emergency, until when, and why (that reading is recorded too). An alert
// acknowledged leaves the list for good.
import { useState } from 'preact/hooks';
import * as care from '../api/care';
import * as api from '../api/endpoints';
import type { Alert } from '../api/types';
import { ErrorNotice, Loading, Notice } from '../components/messages';
import { Page } from '../components/Page';
import { useAsync } from '../components/useAsync';
import { useI18n, type I18n } from '../i18n';
import { Link } from '../router';

export const kAlertKinds = [
  'commitment_overdue',
  'referral_unanswered',
  'referral_not_completed',
  'assessment_overdue',
  'hearing_not_notified',
  'safety_plan_review',
  'break_glass',
] as const;
export type AlertKind = (typeof kAlertKinds)[number];

export function isKnownKind(kind: string): kind is AlertKind {
  return (kAlertKinds as readonly string[]).includes(kind);
}

export function alertTitle(i18n: I18n, alert: Alert): string {
  return isKnownKind(alert.kind) ? i18n.t(`alerts.kind.${alert.kind}`) : alert.kind.replace(/_/g, ' ');
}

export function alertText(i18n: I18n, alert: Alert): string {
  if (alert.kind === 'break_glass') {
    return i18n.t('alerts.glassBody', {
      who: alert.subject_staff_name || i18n.t('log.who.someone'),
      name: alert.survivor_code_name,
      time: i18n.dateTime(alert.created_at),
    });
  }
  if (!isKnownKind(alert.kind)) return alert.message;
  return i18n.t(`alerts.text.${alert.kind}`, {
    name: alert.survivor_code_name,
    date: alert.due_at ? i18n.date(alert.due_at) : '—',
  });
}

export function AlertCard({ alert, onAcknowledged, headingLevel = 2 }: {
  alert: Alert;
  onAcknowledged: (a: Alert) => void;
  headingLevel?: 2 | 3;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [failure, setFailure] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const glass = alert.kind === 'break_glass';
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const acknowledge = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      await care.acknowledgeAlert(alert.id);
      onAcknowledged(alert);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <article class={`card alert alert-${alert.kind}`} aria-labelledby={`alert-${alert.id}`}>
      <H id={`alert-${alert.id}`}>{alertTitle(i18n, alert)}</H>
      <p>{alertText(i18n, alert)}</p>
      <dl class="summary compact">
        {alert.due_at && (
          <div>
            <dt>{glass ? t('alerts.until') : t('alerts.due')}</dt>
            <dd>{glass ? i18n.dateTime(alert.due_at) : i18n.date(alert.due_at)}</dd>
          </div>
        )}
        {alert.reason && (
          <div>
            <dt>{t('alerts.reason')}</dt>
            <dd class="alert-reason">{alert.reason}</dd>
          </div>
        )}
      </dl>
      {failure !== undefined && <ErrorNotice error={failure} />}
      <div class="actions">
        {alert.case_id && (
          <Link href={`/cases/${encodeURIComponent(alert.case_id)}`}>
            {t('alerts.openCase', { name: alert.survivor_code_name })}
          </Link>
        )}
        <button type="button" class="button button-secondary" onClick={acknowledge} disabled={busy}>
          {t('alerts.acknowledge')}
          <span class="visually-hidden">: {alertTitle(i18n, alert)}, {alert.survivor_code_name}</span>
        </button>
      </div>
    </article>
  );
}

export function AlertsPage() {
  const { t } = useI18n();
  const alerts = useAsync(api.alerts, []);
  const [acknowledged, setAcknowledged] = useState(false);
  const list = alerts.data ?? [];
  return (
    <Page title={t('alerts.title')}>
      <p class="lede">{t('alerts.intro')}</p>
      {acknowledged && (
        <Notice tone="success">
          <p>{t('alerts.acknowledged')}</p>
        </Notice>
      )}
      {alerts.loading && <Loading />}
      {alerts.error !== undefined && <ErrorNotice error={alerts.error} />}
      {alerts.data && list.length === 0 && <p>{t('alerts.empty')}</p>}
      {list.map((a) => (
        <AlertCard
          key={a.id}
          alert={a}
          onAcknowledged={(gone) => {
            setAcknowledged(true);
            alerts.set(list.filter((x) => x.id !== gone.id));
          }}
        />
      ))}
    </Page>
  );
}
