// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// The case team, and adding a colleague of your agency to it.
import { useState } from 'preact/hooks';
import * as api from '../../api/endpoints';
import { kCaseRoles, type CaseRole } from '../../api/types';
import { SelectField } from '../../components/fields';
import { ErrorNotice, Loading, Notice } from '../../components/messages';
import { useAsync } from '../../components/useAsync';
import { useI18n } from '../../i18n';
import { session } from '../../session';
import { caseRoleLabel, roleLabel } from '../labels';
import type { CaseSectionProps } from './sections';

export function TeamSection({ kase }: CaseSectionProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const members = useAsync(() => api.team(kase.id), [kase.id]);
  const agencies = useAsync(api.agencies, []);
  const s = session.get();
  const myAgency = s.state === 'signed_in' ? s.me.agency_id : '';
  const colleagues = useAsync(() => api.staffOf(myAgency), [myAgency]);
  const [staffId, setStaffId] = useState('');
  const [role, setRole] = useState<CaseRole>('caseworker');
  const [added, setAdded] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);

  const agencyName = (id: string) => agencies.data?.find((a) => a.id === id)?.name ?? t('common.unknownAgency');
  const onTeam = new Set((members.data ?? []).map((m) => m.staff_id));
  const candidates = (colleagues.data ?? []).filter((c) => c.active && !onTeam.has(c.id));

  const add = async (e: Event) => {
    e.preventDefault();
    setFailure(undefined);
    setAdded(null);
    const chosen = staffId || candidates[0]?.id;
    if (!chosen) return;
    setBusy(true);
    try {
      const member = await api.addTeamMember(kase.id, chosen, role);
      setAdded(member.display_name);
      setStaffId('');
      members.reload();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="team-heading">
      <h2 id="team-heading">{t('case.section.team')}</h2>
      {members.loading && !members.data && <Loading />}
      {members.error !== undefined && <ErrorNotice error={members.error} focus={false} />}
      {members.data && (
        <table class="table stack">
          <caption class="visually-hidden">{t('team.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('team.name')}</th>
              <th scope="col">{t('team.role')}</th>
              <th scope="col">{t('team.agency')}</th>
              <th scope="col">{t('team.added')}</th>
            </tr>
          </thead>
          <tbody>
            {members.data.map((m) => (
              <tr key={m.staff_id}>
                <th scope="row" data-label={t('team.name')}>
                  {m.display_name}
                </th>
                <td data-label={t('team.role')}>{caseRoleLabel(i18n, m.case_role)}</td>
                <td data-label={t('team.agency')}>{agencyName(m.agency_id)}</td>
                <td data-label={t('team.added')}>{i18n.date(m.added_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {added && (
        <Notice tone="success">
          <p>{t('team.addedNotice', { name: added })}</p>
        </Notice>
      )}
      {failure !== undefined && <ErrorNotice error={failure} />}
      {colleagues.data && (
        <form class="card" onSubmit={add}>
          <h3>{t('team.addTitle')}</h3>
          {candidates.length === 0 ? (
            <p>{t('team.noCandidates')}</p>
          ) : (
            <>
              <div class="row">
                <SelectField
                  id="team-staff"
                  label={t('team.colleague')}
                  value={staffId || candidates[0].id}
                  onValue={setStaffId}
                  options={candidates.map((c) => ({
                    value: c.id,
                    label: `${c.display_name} (${c.roles.map((r) => roleLabel(i18n, r)).join(', ')})`,
                  }))}
                />
                <SelectField
                  id="team-role"
                  label={t('team.role')}
                  value={role}
                  onValue={(v) => setRole(v as CaseRole)}
                  options={kCaseRoles.map((r) => ({ value: r, label: caseRoleLabel(i18n, r) }))}
                />
              </div>
              <button type="submit" class="button" disabled={busy}>
                {t('team.add')}
              </button>
            </>
          )}
        </form>
      )}
    </section>
  );
}
