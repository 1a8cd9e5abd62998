// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// The recipient's view: what survivors of other agencies have shared with
// this agency, for the purposes the reader's roles work on, and one such
// disclosure read in full: the survivor-confirmed passages with the
// survivor's comments, and the parts of the record shared. Once the survivor
// withdraws the consent (or it expires), the next read is refused and this
// page says so plainly.
import { ApiError } from '../api/client';
import * as api from '../api/endpoints';
import { ErrorNotice, Loading, Notice } from '../components/messages';
import { Page } from '../components/Page';
import { useAsync } from '../components/useAsync';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { DisclosureSummary } from './case/DisclosuresSection';
import { genderLabel, purposeLabel, reviewLabel, topicLabel } from './labels';

export function SharedListPage() {
  const { t } = useI18n();
  const list = useAsync(api.receivedDisclosures, []);
  const agencies = useAsync(api.agencies, []);
  const agencyName = (id: string) => agencies.data?.find((a) => a.id === id)?.name ?? t('common.unknownAgency');
  return (
    <Page title={t('shared.title')}>
      <p class="lede">{t('shared.intro')}</p>
      {list.loading && <Loading />}
      {list.error !== undefined && <ErrorNotice error={list.error} />}
      {list.data && list.data.length === 0 && <p>{t('shared.empty')}</p>}
      {(list.data ?? []).map((d) => (
        <article key={d.id} class="card disclosure" aria-labelledby={`shared-${d.id}`}>
          <h2 id={`shared-${d.id}`}>
            <Link href={`/shared/${encodeURIComponent(d.id)}`}>{d.survivor_code_name}</Link>
          </h2>
          <DisclosureSummary d={d} agencyName={agencyName} />
        </article>
      ))}
    </Page>
  );
}

export function SharedItemPage({ id }: { id: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const d = useAsync(() => api.readDisclosure(id), [id]);
  const agencies = useAsync(api.agencies, []);
  const agencyName = (x: string) => agencies.data?.find((a) => a.id === x)?.name ?? t('common.unknownAgency');
  if (d.loading && !d.data) return <Loading />;
  if (d.error !== undefined || !d.data) {
    const code = d.error instanceof ApiError ? d.error.code : '';
    const withdrawn = code === 'consent_revoked' || code === 'consent_expired';
    return (
      <Page title={withdrawn ? t('shared.goneTitle') : t('shared.itemTitle')}>
        {withdrawn ? (
          <Notice tone="info" focus id="shared-gone">
            <p>{code === 'consent_revoked' ? t('shared.revoked') : t('shared.expired')}</p>
          </Notice>
        ) : (
          <ErrorNotice error={d.error} />
        )}
        <p>
          <Link href="/shared">{t('shared.back')}</Link>
        </p>
      </Page>
    );
  }
  const x = d.data;
  const r = x.record;
  const notRecorded = t('common.notRecorded');
  return (
    <Page title={x.survivor_code_name} caption={t('shared.caption')}>
      <Notice tone="info">
        <p>
          {t('shared.under', {
            agency: agencyName(x.agency_id),
            purpose: purposeLabel(i18n, x.purpose),
          })}
        </p>
      </Notice>
      {(x.passages ?? []).length > 0 && <h2>{t('shared.passages')}</h2>}
      {(x.passages ?? []).map((p) => (
        <article key={p.id} class="passage" aria-labelledby={`shared-passage-${p.id}`}>
          <h3 id={`shared-passage-${p.id}`}>{topicLabel(i18n, p.topic)}</h3>
          <blockquote class="passage-text">{p.text}</blockquote>
          <p class="passage-meta">
            <span class={`badge badge-review-${p.review_status}`}>{reviewLabel(i18n, p.review_status)}</span>
          </p>
          {p.survivor_comments.length > 0 && (
            <div class="comments">
              <p class="comments-title">{t('statement.survivorComments')}</p>
              <ul>
                {p.survivor_comments.map((c) => (
                  <li key={c.id}>“{c.text}”</li>
                ))}
              </ul>
            </div>
          )}
        </article>
      ))}
      {r && (r.legal_name !== undefined || r.contact !== undefined || r.address !== undefined) && (
        <>
          <h2>{t('shared.record')}</h2>
          <dl class="summary protected">
            {r.legal_name !== undefined && (
              <>
                <div>
                  <dt>{t('register.legalName')}</dt>
                  <dd>{r.legal_name || notRecorded}</dd>
                </div>
                <div>
                  <dt>{t('register.birthDate')}</dt>
                  <dd>{r.birth_date ? i18n.date(r.birth_date) : notRecorded}</dd>
                </div>
                <div>
                  <dt>{t('register.gender')}</dt>
                  <dd>{r.gender ? genderLabel(i18n, r.gender) : notRecorded}</dd>
                </div>
              </>
            )}
            {r.contact !== undefined && (
              <div>
                <dt>{t('register.contact')}</dt>
                <dd>{r.contact || notRecorded}</dd>
              </div>
            )}
            {r.address !== undefined && (
              <div>
                <dt>{t('register.address')}</dt>
                <dd>{r.address || notRecorded}</dd>
              </div>
            )}
          </dl>
        </>
      )}
      <p>
        <Link href="/shared">{t('shared.back')}</Link>
      </p>
    </Page>
  );
}
