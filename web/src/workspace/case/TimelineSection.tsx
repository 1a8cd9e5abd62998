// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// The case's history as one dated list, newest first: interviews,
// disclosures, referrals and their steps, promises, hearings, reviews and
// assessments. The server leaves out whatever the reader may not see; each
// entry links to the section that holds the record.
import * as care from '../../api/care';
import { ErrorNotice, Loading } from '../../components/messages';
import { useAsync } from '../../components/useAsync';
import { useI18n, type MessageKey } from '../../i18n';
import { Link } from '../../router';
import type { CaseSectionProps } from './sections';

// The case section that holds each kind of entry.
const kSectionOf: Record<care.TimelineKind, { id: string; label: MessageKey }> = {
  interview: { id: 'interviews', label: 'case.section.interviews' },
  disclosure: { id: 'disclosures', label: 'case.section.disclosures' },
  referral: { id: 'referrals', label: 'case.section.referrals' },
  referral_transition: { id: 'referrals', label: 'case.section.referrals' },
  commitment: { id: 'commitments', label: 'case.section.commitments' },
  commitment_resolved: { id: 'commitments', label: 'case.section.commitments' },
  hearing: { id: 'hearings', label: 'case.section.hearings' },
  review: { id: 'reviews', label: 'case.section.reviews' },
  assessment: { id: 'assessments', label: 'case.section.assessments' },
};

export function TimelineSection({ kase }: CaseSectionProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const entries = useAsync(() => care.timeline(kase.id), [kase.id]);
  const base = `/cases/${encodeURIComponent(kase.id)}`;
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('case.section.timeline')}</h2>
      <p class="hint">{t('timeline.intro')}</p>
      {i18n.locale !== 'en' && <p class="hint">{t('timeline.inEnglish')}</p>}
      {entries.loading && !entries.data && <Loading />}
      {entries.error !== undefined && <ErrorNotice error={entries.error} focus={false} />}
      {entries.data && entries.data.length === 0 && <p>{t('timeline.empty')}</p>}
      {entries.data && entries.data.length > 0 && (
        <table class="table stack timeline">
          <caption class="visually-hidden">{t('timeline.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('timeline.when')}</th>
              <th scope="col">{t('timeline.what')}</th>
              <th scope="col">{t('timeline.details')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.data.map((e) => {
              const section = kSectionOf[e.kind];
              return (
                <tr key={`${e.kind}:${e.id}`}>
                  <td data-label={t('timeline.when')}>{i18n.dateTime(e.at)}</td>
                  <td data-label={t('timeline.what')}>
                    <Link href={`${base}/${section.id}`}>{t(`timeline.kind.${e.kind}`)}</Link>
                  </td>
                  <td data-label={t('timeline.details')} lang="en">
                    {e.summary}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
