// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// A supervisor's view of their agency: how many cases are at each stage, and
// what needs attention now — overdue promises, referrals nobody answered or
// finished, assessments past due, hearings the survivor was not told of,
// safety plans past review, and every emergency (break-glass) access. It is
// built from the alerts the server raises for supervisors (GET /alerts) and
// the agency's cases (GET /cases), so it shows exactly what the API decides
// a supervisor may see.
import { useState } from 'preact/hooks';
import * as api from '../api/endpoints';
import { kStages, type Alert } from '../api/types';
import { ErrorNotice, Loading, Notice } from '../components/messages';
import { Page } from '../components/Page';
import { useAsync } from '../components/useAsync';
import { useI18n, type MessageKey } from '../i18n';
import { AlertCard } from './AlertsPage';
import { stageLabel } from './labels';

interface Group {
  id: string;
  title: MessageKey;
  kinds: string[];
}

const kGroups: readonly Group[] = [
  { id: 'commitments', title: 'dashboard.group.commitments', kinds: ['commitment_overdue'] },
  { id: 'referrals', title: 'dashboard.group.referrals', kinds: ['referral_unanswered', 'referral_not_completed'] },
  { id: 'assessments', title: 'dashboard.group.assessments', kinds: ['assessment_overdue'] },
  { id: 'break-glass', title: 'dashboard.group.breakGlass', kinds: ['break_glass'] },
  { id: 'hearings', title: 'dashboard.group.hearings', kinds: ['hearing_not_notified'] },
  { id: 'safety', title: 'dashboard.group.safety', kinds: ['safety_plan_review'] },
];

export function DashboardPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const alerts = useAsync(api.alerts, []);
  const cases = useAsync(api.cases, []);
  const [acknowledged, setAcknowledged] = useState(false);
  const list = alerts.data ?? [];
  const remove = (gone: Alert) => {
    setAcknowledged(true);
    alerts.set(list.filter((a) => a.id !== gone.id));
  };
  const known = new Set(kGroups.flatMap((g) => g.kinds));
  const other = list.filter((a) => !known.has(a.kind));
  return (
    <Page title={t('dashboard.title')}>
      <p class="lede">{t('dashboard.intro')}</p>
      {(alerts.loading || cases.loading) && <Loading />}
      {alerts.error !== undefined && <ErrorNotice error={alerts.error} />}
      {cases.error !== undefined && <ErrorNotice error={cases.error} focus={false} />}
      {acknowledged && (
        <Notice tone="success">
          <p>{t('alerts.acknowledged')}</p>
        </Notice>
      )}
      {alerts.data && (
        <ul class="tiles" aria-label={t('dashboard.countsLabel')}>
          {kGroups.map((g) => {
            const n = list.filter((a) => g.kinds.includes(a.kind)).length;
            return (
              <li key={g.id} class={`tile${n > 0 ? ' tile-attention' : ''}`}>
                <a href={`#group-${g.id}`}>
                  <span class="tile-number">{i18n.number(n)}</span>
                  <span class="tile-label">{t(g.title)}</span>
                </a>
              </li>
            );
          })}
        </ul>
      )}
      {cases.data && (
        <section aria-labelledby="dashboard-stages">
          <h2 id="dashboard-stages">{t('dashboard.stages', { count: cases.data.length })}</h2>
          <table class="table stages">
            <caption class="visually-hidden">{t('dashboard.stagesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.stage')}</th>
                <th scope="col">{t('dashboard.cases')}</th>
              </tr>
            </thead>
            <tbody>
              {kStages.map((s) => (
                <tr key={s}>
                  <th scope="row">{stageLabel(i18n, s)}</th>
                  <td>{i18n.number(cases.data!.filter((c) => c.stage === s).length)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {alerts.data &&
        kGroups.map((g) => {
          const items = list.filter((a) => g.kinds.includes(a.kind));
          return (
            <section key={g.id} id={`group-${g.id}`} aria-labelledby={`group-${g.id}-heading`} tabIndex={-1}>
              <h2 id={`group-${g.id}-heading`}>
                {t(g.title)} <span class="muted">({i18n.number(items.length)})</span>
              </h2>
              {items.length === 0 && <p class="muted">{t('dashboard.nothing')}</p>}
              {items.map((a) => (
                <AlertCard key={a.id} alert={a} onAcknowledged={remove} headingLevel={3} />
              ))}
            </section>
          );
        })}
      {other.length > 0 && (
        <section aria-labelledby="group-other-heading">
          <h2 id="group-other-heading">{t('dashboard.group.other')}</h2>
          {other.map((a) => (
            <AlertCard key={a.id} alert={a} onAcknowledged={remove} headingLevel={3} />
          ))}
        </section>
      )}
    </Page>
  );
}
