// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// One case: its heading and status, the section navigation, and the chosen
// section. Sections are links (/cases/{id}/{section}), so each can be
// bookmarked and opened in a new tab. A case that is not shared with the
// reader can be opened in an emergency by breaking the glass.
import { ApiError } from '../../api/client';
import * as api from '../../api/endpoints';
import type { CaseWithCounts } from '../../api/types';
import { ErrorNotice, Loading, Notice } from '../../components/messages';
import { Page } from '../../components/Page';
import { useAsync } from '../../components/useAsync';
import { useI18n } from '../../i18n';
import { Link, useLocation } from '../../router';
import { stageLabel, statusLabel } from '../labels';
import { BreakGlassForm } from './BreakGlassForm';
import { kCaseSections } from './sections';

// Refusals that an emergency read can open.
const kGlassReasons = new Set(['other_agency', 'not_on_case_team']);

export function CasePage({ caseId, section }: { caseId: string; section: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { search } = useLocation();
  const answer = useAsync(async () => (await api.getCase(caseId)).data, [caseId]);
  const current = kCaseSections.find((s) => s.id === section);

  if (answer.loading && !answer.data) return <Loading />;
  if (answer.error !== undefined || !answer.data) {
    const status = answer.error instanceof ApiError ? answer.error.status : 0;
    const glass = answer.error instanceof ApiError && status === 403 && kGlassReasons.has(answer.error.code);
    return (
      <Page title={status === 404 ? t('case.notFound') : status === 403 ? t('case.noAccess') : t('case.title')}>
        <ErrorNotice error={answer.error} focus={!glass} />
        {glass && <BreakGlassForm caseId={caseId} onGranted={answer.reload} />}
        <p>
          <Link href="/">{t('notFound.back')}</Link>
        </p>
      </Page>
    );
  }
  const kase: CaseWithCounts = answer.data;
  const base = `/cases/${encodeURIComponent(kase.id)}`;
  const Section = current?.component;
  const onCase = (next: CaseWithCounts) =>
    answer.set({ ...next, interview_count: next.interview_count ?? answer.data?.interview_count });
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
          <Section kase={kase} onCase={onCase} />
        ) : (
          <p>
            {t('case.noSuchSection')} <Link href={`${base}/overview`}>{t('case.section.overview')}</Link>
          </p>
        )}
      </div>
    </Page>
  );
}
