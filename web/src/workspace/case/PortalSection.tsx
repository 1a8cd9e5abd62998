// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Inviting the survivor to their own portal: a one-time code, valid for 72
// hours and shown only here, once. Making a new code replaces an unused one.
import { useState } from 'preact/hooks';
import * as api from '../../api/endpoints';
import type { PortalInvite } from '../../api/types';
import { ErrorNotice, Notice } from '../../components/messages';
import { useI18n } from '../../i18n';
import type { CaseSectionProps } from './sections';

export function PortalSection({ kase }: CaseSectionProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const [invite, setInvite] = useState<PortalInvite | null>(null);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const make = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      setInvite(await api.invitePortal(kase.survivor_id));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  const address = `${window.location.origin}/portal`;
  return (
    <section aria-labelledby="portal-heading">
      <h2 id="portal-heading">{t('case.section.portal')}</h2>
      <p>{t('portalInvite.intro', { name: kase.survivor_code_name })}</p>
      <ul>
        <li>{t('portalInvite.sees1')}</li>
        <li>{t('portalInvite.sees2')}</li>
        <li>{t('portalInvite.sees3')}</li>
      </ul>
      {failure !== undefined && <ErrorNotice error={failure} />}
      {invite && (
        <Notice tone="success" focus title={t('portalInvite.madeTitle')} id="portal-invite">
          <p class="invite-code" id="invite-code">
            {invite.code}
          </p>
          <p>{t('portalInvite.expires', { time: i18n.dateTime(invite.expires_at) })}</p>
          <p>{t('portalInvite.onceOnly')}</p>
          <ol>
            <li>{t('portalInvite.step1', { address })}</li>
            <li>{t('portalInvite.step2')}</li>
            <li>{t('portalInvite.step3')}</li>
          </ol>
        </Notice>
      )}
      <div class="actions">
        <button type="button" class="button" onClick={make} disabled={busy}>
          {invite ? t('portalInvite.again') : t('portalInvite.make')}
        </button>
      </div>
      <p class="hint">{t('portalInvite.replaces')}</p>
    </section>
  );
}
