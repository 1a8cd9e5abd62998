// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// The portal's screens about what was promised and what is coming: the
// promises made to the survivor and what became of each, and court
// hearings to come with the support asked for and granted, in plain words.
import * as portal from '../api/portal';
import { ErrorNotice, Loading } from '../components/messages';
import { useAsync } from '../components/useAsync';
import { useI18n, type I18n } from '../i18n';
import { accommodationLabel, hearingKindLabel } from '../workspace/careLabels';
import type { ScreenProps } from './PortalHome';
import { PortalPage } from './PortalPage';

function promiseState(i18n: I18n, c: portal.PortalPromise): string {
  const { t } = i18n;
  switch (c.status) {
    case 'open':
      return c.overdue ? t('portal.promises.late') : t('portal.promises.open', { date: i18n.date(c.due) });
    case 'kept':
      return c.kept_on_time === false ? t('portal.promises.keptLate') : t('portal.promises.kept');
    case 'changed':
      return t('portal.promises.changed');
    case 'missed':
      return t('portal.promises.missed');
  }
}

export function PromisesScreen(_: ScreenProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const list = useAsync(portal.promises, []);
  return (
    <PortalPage title={t('portal.promises.title')}>
      <p class="lede">{t('portal.promises.intro')}</p>
      {list.loading && <Loading />}
      {list.error !== undefined && <ErrorNotice error={list.error} />}
      {list.data && list.data.length === 0 && <p>{t('portal.promises.empty')}</p>}
      {(list.data ?? []).map((c) => (
        <article key={c.id} class={`card portal-item promise promise-${c.status}`} aria-labelledby={`promise-${c.id}`}>
          <h2 id={`promise-${c.id}`}>{c.what}</h2>
          <p class={`status status-promise-${c.overdue ? 'late' : c.status}`}>{promiseState(i18n, c)}</p>
          <dl class="summary compact">
            <div>
              <dt>{t('portal.promises.who')}</dt>
              <dd>{c.owner_name}</dd>
            </div>
            <div>
              <dt>{t('portal.promises.by')}</dt>
              <dd>{i18n.date(c.due)}</dd>
            </div>
            {c.survivor_told && (
              <div>
                <dt>{t('portal.promises.told')}</dt>
                <dd>{c.survivor_told}</dd>
              </div>
            )}
          </dl>
        </article>
      ))}
      <p>{t('portal.promises.tell')}</p>
    </PortalPage>
  );
}

export function HearingsScreen(_: ScreenProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const list = useAsync(portal.hearings, []);
  return (
    <PortalPage title={t('portal.hearings.title')}>
      <p class="lede">{t('portal.hearings.intro')}</p>
      {list.loading && <Loading />}
      {list.error !== undefined && <ErrorNotice error={list.error} />}
      {list.data && list.data.length === 0 && <p>{t('portal.hearings.empty')}</p>}
      {(list.data ?? []).map((h) => {
        const waiting = h.accommodations_requested.filter((a) => !h.accommodations_granted.includes(a));
        return (
          <article key={h.id} class="card portal-item" aria-labelledby={`hearing-${h.id}`}>
            <h2 id={`hearing-${h.id}`}>{i18n.dateTime(h.scheduled_at)}</h2>
            <dl class="summary compact">
              <div>
                <dt>{t('portal.hearings.what')}</dt>
                <dd>{hearingKindLabel(i18n, h.kind)}</dd>
              </div>
              <div>
                <dt>{t('portal.hearings.where')}</dt>
                <dd>{h.court}</dd>
              </div>
              <div>
                <dt>{t('portal.hearings.granted')}</dt>
                <dd>
                  {h.accommodations_granted.length
                    ? i18n.list(h.accommodations_granted.map((a) => accommodationLabel(i18n, a)))
                    : t('portal.hearings.nothingYet')}
                </dd>
              </div>
              {waiting.length > 0 && (
                <div>
                  <dt>{t('portal.hearings.asked')}</dt>
                  <dd>{i18n.list(waiting.map((a) => accommodationLabel(i18n, a)))}</dd>
                </div>
              )}
            </dl>
          </article>
        );
      })}
      <p>{t('portal.hearings.tell')}</p>
    </PortalPage>
  );
}
