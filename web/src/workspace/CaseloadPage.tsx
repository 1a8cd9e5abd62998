// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// The cases the signed-in person works on (a supervisor: the agency's), with
// a search by code name that filters as you type.
import { useMemo, useState } from 'preact/hooks';
import * as api from '../api/endpoints';
import { TextField } from '../components/fields';
import { ErrorNotice, Loading } from '../components/messages';
import { Page } from '../components/Page';
import { useAsync } from '../components/useAsync';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { session } from '../session';
import { stageLabel, statusLabel } from './labels';

export function CaseloadPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const cases = useAsync(api.cases, []);
  const [query, setQuery] = useState('');
  const me = session.get();
  const supervisor = me.state === 'signed_in' && me.me.roles.includes('supervisor');

  const shown = useMemo(() => {
    const q = query.trim().toLocaleLowerCase(i18n.locale);
    const all = cases.data ?? [];
    return q ? all.filter((c) => c.survivor_code_name.toLocaleLowerCase(i18n.locale).includes(q)) : all;
  }, [cases.data, query, i18n.locale]);

  return (
    <Page title={supervisor ? t('caseload.titleSupervisor') : t('caseload.title')}>
      <div class="toolbar">
        <div class="search">
          <TextField
            id="case-search"
            type="search"
            label={t('caseload.search')}
            hint={t('caseload.searchHint')}
            value={query}
            onValue={setQuery}
            autoComplete="off"
            spellcheck={false}
          />
        </div>
        <Link href="/survivors/new" class="button button-secondary">
          {t('caseload.register')}
        </Link>
      </div>
      {cases.loading && <Loading />}
      {cases.error !== undefined && <ErrorNotice error={cases.error} />}
      {cases.data && (
        <>
          <p class="count" role="status" aria-live="polite">
            {query.trim()
              ? i18n.tn('caseload.matching', shown.length, { query: query.trim() })
              : i18n.tn('caseload.count', shown.length)}
          </p>
          {cases.data.length === 0 && <p>{t('caseload.empty')}</p>}
          {shown.length > 0 && (
            <table class="table stack">
              <caption class="visually-hidden">{t('caseload.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('case.codeName')}</th>
                  <th scope="col">{t('case.stage')}</th>
                  <th scope="col">{t('case.status')}</th>
                  <th scope="col">{t('case.updated')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((c) => (
                  <tr key={c.id}>
                    <th scope="row" data-label={t('case.codeName')}>
                      <Link href={`/cases/${encodeURIComponent(c.id)}`}>{c.survivor_code_name}</Link>
                    </th>
                    <td data-label={t('case.stage')}>{stageLabel(i18n, c.stage)}</td>
                    <td data-label={t('case.status')}>
                      <span class={`badge badge-${c.status}`}>{statusLabel(i18n, c.status)}</span>
                    </td>
                    <td data-label={t('case.updated')}>{i18n.dateTime(c.updated_at)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </Page>
  );
}
