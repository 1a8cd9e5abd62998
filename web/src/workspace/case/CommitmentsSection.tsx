// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// The promises made to the survivor (and the team's own commitments from
// case reviews): what, who, by when, and what became of each. A promise
// changed or missed needs a word on how the survivor was told. Changes carry
// the version read; when someone else changed it first (409) the list shows
// their change rather than overwriting it.
import { useState } from 'preact/hooks';
import { ApiError } from '../../api/client';
import * as care from '../../api/care';
import * as api from '../../api/endpoints';
import { ErrorSummary, errorFor, type FieldError } from '../../components/ErrorSummary';
import { SelectField, TextAreaField, TextField } from '../../components/fields';
import { ErrorNotice, Loading, Notice } from '../../components/messages';
import { useAsync } from '../../components/useAsync';
import { useI18n } from '../../i18n';
import { session } from '../../session';
import { commitmentStatusLabel, dayFromToday } from '../careLabels';
import type { CaseSectionProps } from './sections';

function ResolveForm({ c, onDone, onConflict }: {
  c: care.Commitment;
  onDone: (c: care.Commitment) => void;
  onConflict: () => void;
}) {
  const { t } = useI18n();
  const i18n = useI18n();
  const [status, setStatus] = useState<care.CommitmentStatus>('changed');
  const [told, setTold] = useState('');
  const [missing, setMissing] = useState(false);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setMissing(c.to_survivor && !told.trim());
    setFailure(undefined);
    if (c.to_survivor && !told.trim()) return;
    setBusy(true);
    try {
      const patch: care.CommitmentPatch = { status };
      if (told.trim()) patch.survivor_told = told.trim();
      onDone((await care.patchCommitment(c.id, c.version, patch)).data);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) onConflict();
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="inline-form" onSubmit={submit} noValidate>
      {failure !== undefined && <ErrorNotice error={failure} />}
      <SelectField
        id={`resolve-${c.id}-status`}
        label={t('commitments.whatHappened')}
        value={status}
        onValue={(v) => setStatus(v as care.CommitmentStatus)}
        options={(['changed', 'missed'] as care.CommitmentStatus[]).map((s) => ({
          value: s,
          label: commitmentStatusLabel(i18n, s),
        }))}
      />
      <TextField
        id={`resolve-${c.id}-told`}
        label={t('commitments.survivorTold')}
        hint={t('commitments.survivorToldHint')}
        value={told}
        onValue={setTold}
        error={missing ? t('commitments.error.told') : null}
      />
      <button type="submit" class="button button-secondary" disabled={busy}>
        {t('commitments.record')}
      </button>
    </form>
  );
}

function CommitmentRow({ c, onChanged, onConflict }: {
  c: care.Commitment;
  onChanged: (c: care.Commitment) => void;
  onConflict: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [resolving, setResolving] = useState(false);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const keep = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      onChanged((await care.patchCommitment(c.id, c.version, { status: 'kept' })).data);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) onConflict();
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <li class={`card commitment${c.overdue ? ' overdue' : ''}`}>
      <p class="commitment-what" id={`commitment-${c.id}`}>
        {c.what}
      </p>
      <p class="case-meta">
        <span class={`badge badge-commitment-${c.status}`}>{commitmentStatusLabel(i18n, c.status)}</span>
        {c.overdue && <span class="badge badge-overdue">{t('commitments.overdue')}</span>}
        {c.kept_on_time === true && <span class="badge badge-commitment-kept">{t('commitments.onTime')}</span>}
        {c.kept_on_time === false && <span class="badge">{t('commitments.late')}</span>}
        {!c.to_survivor && <span class="badge">{t('commitments.team')}</span>}
      </p>
      <dl class="summary compact">
        <div>
          <dt>{t('commitments.owner')}</dt>
          <dd>{c.owner_name}</dd>
        </div>
        <div>
          <dt>{t('commitments.due')}</dt>
          <dd>{i18n.date(c.due)}</dd>
        </div>
        {c.survivor_told && (
          <div>
            <dt>{t('commitments.survivorTold')}</dt>
            <dd>{c.survivor_told}</dd>
          </div>
        )}
      </dl>
      {failure !== undefined && <ErrorNotice error={failure} />}
      {c.status === 'open' && (
        <div class="actions">
          <button type="button" class="button" onClick={keep} disabled={busy}>
            {t('commitments.markKept')}
            <span class="visually-hidden">: {c.what}</span>
          </button>
          <button
            type="button"
            class="button button-secondary"
            aria-expanded={resolving}
            onClick={() => setResolving(!resolving)}
          >
            {t('commitments.changedOrMissed')}
          </button>
        </div>
      )}
      {c.status === 'open' && resolving && (
        <ResolveForm
          c={c}
          onConflict={onConflict}
          onDone={(n) => {
            setResolving(false);
            onChanged(n);
          }}
        />
      )}
    </li>
  );
}

function NewCommitmentForm({ caseId, agencyId, onCreated }: {
  caseId: string;
  agencyId: string;
  onCreated: (c: care.Commitment) => void;
}) {
  const { t } = useI18n();
  const staff = useAsync(() => api.staffOf(agencyId), [agencyId]);
  const s = session.get();
  const me = s.state === 'signed_in' ? s.me.id : '';
  const [what, setWhat] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState(dayFromToday(7));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [round, setRound] = useState(0);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const people = (staff.data ?? []).filter((p) => p.active);
  const chosenOwner = owner || (people.some((p) => p.id === me) ? me : people[0]?.id ?? '');
  const submit = async (e: Event) => {
    e.preventDefault();
    const list: FieldError[] = [];
    if (!what.trim()) list.push({ field: 'commitment-what', message: t('commitments.error.what') });
    if (!due) list.push({ field: 'commitment-due', message: t('commitments.error.due') });
    setErrors(list);
    setRound((r) => r + 1);
    setFailure(undefined);
    if (list.length) return;
    setBusy(true);
    try {
      onCreated(await care.createCommitment(caseId, { what: what.trim(), owner_id: chosenOwner, due }));
      setWhat('');
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="card" onSubmit={submit} noValidate aria-labelledby="new-commitment-heading">
      <h3 id="new-commitment-heading">{t('commitments.newTitle')}</h3>
      <p class="hint">{t('commitments.newIntro')}</p>
      <ErrorSummary errors={errors} round={round} />
      {failure !== undefined && <ErrorNotice error={failure} />}
      <TextAreaField
        id="commitment-what"
        label={t('commitments.what')}
        value={what}
        onValue={setWhat}
        rows={2}
        error={errorFor(errors, 'commitment-what')}
      />
      <div class="row">
        <SelectField
          id="commitment-owner"
          label={t('commitments.owner')}
          value={chosenOwner}
          onValue={setOwner}
          options={people.map((p) => ({ value: p.id, label: p.display_name }))}
        />
        <TextField
          id="commitment-due"
          type="date"
          label={t('commitments.due')}
          value={due}
          onValue={setDue}
          error={errorFor(errors, 'commitment-due')}
        />
      </div>
      <button type="submit" class="button" disabled={busy || !chosenOwner}>
        {t('commitments.add')}
      </button>
    </form>
  );
}

export function CommitmentsSection({ kase }: CaseSectionProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const list = useAsync(() => care.commitments(kase.id), [kase.id]);
  const [conflict, setConflict] = useState(false);
  const items = list.data ?? [];
  const open = items.filter((c) => c.status === 'open').sort((a, b) => a.due.localeCompare(b.due));
  const done = items.filter((c) => c.status !== 'open');
  const replace = (n: care.Commitment) => {
    setConflict(false);
    list.set(items.map((x) => (x.id === n.id ? n : x)));
  };
  const onConflict = () => {
    setConflict(true);
    list.reload();
  };
  const row = (c: care.Commitment) => <CommitmentRow key={c.id} c={c} onChanged={replace} onConflict={onConflict} />;
  return (
    <section aria-labelledby="commitments-heading">
      <h2 id="commitments-heading">{t('case.section.commitments')}</h2>
      <p class="hint">{t('commitments.intro')}</p>
      {conflict && (
        <Notice tone="warning" focus title={t('commitments.conflictTitle')}>
          <p>{t('commitments.conflict')}</p>
        </Notice>
      )}
      {list.loading && !list.data && <Loading />}
      {list.error !== undefined && <ErrorNotice error={list.error} focus={false} />}
      {list.data && items.length === 0 && <p>{t('commitments.empty')}</p>}
      {open.length > 0 && (
        <>
          <h3>{t('commitments.openTitle', { count: open.length })}</h3>
          <ul class="plain commitments">{open.map(row)}</ul>
        </>
      )}
      {done.length > 0 && (
        <>
          <h3>{t('commitments.doneTitle', { count: done.length })}</h3>
          <ul class="plain commitments">{done.map(row)}</ul>
        </>
      )}
      <NewCommitmentForm
        caseId={kase.id}
        agencyId={kase.agency_id}
        onCreated={(c) => list.set([c, ...items])}
      />
    </section>
  );
}
