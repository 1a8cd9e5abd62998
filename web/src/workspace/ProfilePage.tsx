// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Who am I: the signed-in account as the server knows it.
import * as api from '../api/endpoints';
import { Page } from '../components/Page';
import { useAsync } from '../components/useAsync';
import { ErrorNotice, Loading } from '../components/messages';
import { useI18n } from '../i18n';
import { agencyKindLabel, roleLabel } from './labels';

export function ProfilePage() {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useAsync(api.me, []);
  const agencies = useAsync(api.agencies, []);
  const agency = agencies.data?.find((a) => a.id === me.data?.agency_id);
  return (
    <Page title={t('profile.title')}>
      {me.loading && <Loading />}
      {me.error !== undefined && <ErrorNotice error={me.error} />}
      {me.data && (
        <dl class="summary">
          <div>
            <dt>{t('profile.name')}</dt>
            <dd>{me.data.display_name}</dd>
          </div>
          <div>
            <dt>{t('login.username')}</dt>
            <dd>{me.data.username}</dd>
          </div>
          <div>
            <dt>{t('profile.agency')}</dt>
            <dd>
              {agency
                ? `${agency.name} (${agencyKindLabel(i18n, agency.kind)}, ${i18n.regionName(agency.country)})`
                : t('common.unknownAgency')}
            </dd>
          </div>
          <div>
            <dt>{t('profile.roles')}</dt>
            <dd>{me.data.roles.map((r) => roleLabel(i18n, r)).join(', ')}</dd>
          </div>
          <div>
            <dt>{t('profile.since')}</dt>
            <dd>{i18n.date(me.data.created_at)}</dd>
          </div>
        </dl>
      )}
      <p class="hint">{t('profile.sessionNote')}</p>
    </Page>
  );
}
