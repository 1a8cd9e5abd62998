// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// One case: its heading and status, the section navigation, and the chosen
// section. Sections are links (/cases/{id}/{section}), so each can be
// bookmarked and opened in a new tab.
import { ApiError } from '../../api/client';
import * as api from '../../api/endpoints';
import type { Case } from '../../api/types';
import { ErrorNotice, Loading, Notice } from '../../components/messages';
import { Page } from '../../components/Page';
import { useAsync } from '../../components/useAsync';
import { useI18n } from '../../i18n';
import { Link, useLocation } from '../../router';
import { stageLabel, statusLabel } from '../labels';
import { kCaseSections } from './sections';

export function CasePage({ caseId, section }: { caseId: string; section: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { search } = useLocation();
  const answer = useAsync(async () => (await api.getCase(caseId)).data, [caseId]);
  const current = kCaseSections.find((s) => s.id === section);

  if (answer.loading && !answer.data) return <Loading />;
  if (answer.error !== undefined || !answer.data) {
    const status = answer.error instanceof ApiError ? answer.error.status : 0;
    return (
      <Page title={status === 404 ? t('case.notFound') : status === 403 ? t('case.noAccess') : t('case.title')}>
        <ErrorNotice error={answer.error} />
        <p>
          <Link href="/">{t('notFound.back')}</Link>
        </p>
      </Page>
    );
  }
  const kase: Case = answer.data;
  const base = `/cases/${encodeURIComponent(kase.id)}`;
  const Section = current?.component;
  return (
    <Page title={kase.survivor_code_name} caption={t('case.caption')}>
      <p class="case-meta">
        <span class="badge">{stageLabel(i18n, kase.stage)}</span>{' '}
        <span class={`badge badge-${kase.status}`}>{statusLabel(i18n, kase.status)}</span>{' '}
        <span class="muted">{t('case.openedOn', { date: i18n.date(kase.created_at) })}</span>
      </p>
      {new URLSearchParams(search).has('registered') && (
        <Notice tone="success">
          <p>{t('case.registered')}</p>
        </Notice>
      )}
      <nav class="tabs" aria-label={t('case.sectionsLabel')}>
        <ul>
          {kCaseSections.map((s) => (
            <li key={s.id}>
              <Link href={`${base}/${s.id}`} aria-current={s.id === current?.id ? 'page' : undefined}>
                {t(s.label)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div class="section">
        {Section ? (
          <Section kase={kase} onCase={answer.set} />
        ) : (
          <p>
            {t('case.noSuchSection')} <Link href={`${base}/overview`}>{t('case.section.overview')}</Link>
          </p>
        )}
      </div>
    </Page>
  );
}
