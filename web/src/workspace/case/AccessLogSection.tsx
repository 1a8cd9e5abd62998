// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Who accessed the survivor's record, newest first, in plain words: the list
// the survivor sees in their portal. Reading it is itself recorded.
import * as api from '../../api/endpoints';
import { describeAccess } from '../../components/accessLogText';
import { ErrorNotice, Loading } from '../../components/messages';
import { useAsync } from '../../components/useAsync';
import { useI18n } from '../../i18n';
import { purposeLabel } from '../labels';
import type { ReadPurpose } from '../../api/types';
import type { CaseSectionProps } from './sections';

export function AccessLogSection({ kase }: CaseSectionProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const log = useAsync(() => api.accessLog(kase.survivor_id), [kase.survivor_id]);
  return (
    <section aria-labelledby="access-log-heading">
      <h2 id="access-log-heading">{t('case.section.accessLog')}</h2>
      <p class="hint">{t('accessLog.intro')}</p>
      {log.loading && !log.data && <Loading />}
      {log.error !== undefined && <ErrorNotice error={log.error} focus={false} />}
      {log.data && (
        <table class="table stack access-log">
          <caption class="visually-hidden">{t('accessLog.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('accessLog.when')}</th>
              <th scope="col">{t('accessLog.what')}</th>
              <th scope="col">{t('accessLog.why')}</th>
            </tr>
          </thead>
          <tbody>
            {log.data.map((e, n) => (
              <tr key={n} class={e.outcome === 'denied' ? 'refused' : undefined}>
                <td data-label={t('accessLog.when')}>{i18n.dateTime(e.at)}</td>
                <td data-label={t('accessLog.what')}>{describeAccess(i18n, e)}</td>
                <td data-label={t('accessLog.why')}>
                  {e.purpose && e.who.kind !== 'survivor' && i18n.has(`purpose.${e.purpose}`)
                    ? purposeLabel(i18n, e.purpose as ReadPurpose)
                    : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
