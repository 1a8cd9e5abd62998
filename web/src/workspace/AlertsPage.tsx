// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// The reader's open alerts: those addressed to them and to their roles in
// their agency. A break-glass alert tells a supervisor who opened which case
// in an emergency, until when, and why (that reading is recorded too).
import * as api from '../api/endpoints';
import type { Alert } from '../api/types';
import { ErrorNotice, Loading } from '../components/messages';
import { Page } from '../components/Page';
import { useAsync } from '../components/useAsync';
import { useI18n } from '../i18n';
import { Link } from '../router';

function AlertCard({ alert }: { alert: Alert }) {
  const i18n = useI18n();
  const { t } = i18n;
  const glass = alert.kind === 'break_glass';
  return (
    <article class={`card alert alert-${alert.kind}`} aria-labelledby={`alert-${alert.id}`}>
      <h2 id={`alert-${alert.id}`}>{glass ? t('alerts.glassTitle') : alert.kind.replace(/_/g, ' ')}</h2>
      {glass ? (
        <p>
          {t('alerts.glassBody', {
            who: alert.subject_staff_name || t('log.who.someone'),
            name: alert.survivor_code_name,
            time: i18n.dateTime(alert.created_at),
          })}
        </p>
      ) : (
        <p>{alert.message}</p>
      )}
      <dl class="summary compact">
        {alert.due_at && (
          <div>
            <dt>{glass ? t('alerts.until') : t('alerts.due')}</dt>
            <dd>{i18n.dateTime(alert.due_at)}</dd>
          </div>
        )}
        {alert.reason && (
          <div>
            <dt>{t('alerts.reason')}</dt>
            <dd class="alert-reason">{alert.reason}</dd>
          </div>
        )}
      </dl>
      {alert.case_id && (
        <p>
          <Link href={`/cases/${encodeURIComponent(alert.case_id)}`}>
            {t('alerts.openCase', { name: alert.survivor_code_name })}
          </Link>
        </p>
      )}
    </article>
  );
}

export function AlertsPage() {
  const { t } = useI18n();
  const alerts = useAsync(api.alerts, []);
  return (
    <Page title={t('alerts.title')}>
      <p class="lede">{t('alerts.intro')}</p>
      {alerts.loading && <Loading />}
      {alerts.error !== undefined && <ErrorNotice error={alerts.error} />}
      {alerts.data && alerts.data.length === 0 && <p>{t('alerts.empty')}</p>}
      {(alerts.data ?? []).map((a) => (
        <AlertCard key={a.id} alert={a} />
      ))}
    </Page>
  );
}
