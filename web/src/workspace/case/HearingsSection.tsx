// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Court hearings: when and where, the testimony accommodations asked for and
// granted (screen, video link, closed court, support person, pre-trial
// visit, interpreter), whether the survivor has been told, and the outcome.
// A hearing within 14 days the survivor was not told of is flagged.
import { useState } from 'preact/hooks';
import { ApiError } from '../../api/client';
import * as care from '../../api/care';
import { ErrorSummary, errorFor, type FieldError } from '../../components/ErrorSummary';
import { CheckboxField, CheckboxesField, SelectField, TextAreaField, TextField } from '../../components/fields';
import { ErrorNotice, Loading, Notice } from '../../components/messages';
import { useAsync } from '../../components/useAsync';
import { useI18n, type I18n } from '../../i18n';
import { session } from '../../session';
import { accommodationLabel, dayFromToday, hearingKindLabel, outcomeLabel } from '../careLabels';
import type { CaseSectionProps } from './sections';

const accommodationOptions = (i18n: I18n) =>
  care.kCourtAccommodations.map((a) => ({ value: a, label: accommodationLabel(i18n, a) }));

function UpdateForm({ h, onDone, onConflict }: {
  h: care.Hearing;
  onDone: (h: care.Hearing) => void;
  onConflict: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [granted, setGranted] = useState<care.CourtAccommodation[]>(h.accommodations_granted);
  const [told, setTold] = useState(h.survivor_notified_at !== null);
  const [outcome, setOutcome] = useState<care.HearingOutcome | ''>(h.outcome ?? '');
  const [failure, setFailure] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const s = session.get();
  const submit = async (e: Event) => {
    e.preventDefault();
    setFailure(undefined);
    setBusy(true);
    const patch: care.HearingPatch = { accommodations_granted: granted, outcome: outcome || null };
    if (told && !h.survivor_notified_at && s.state === 'signed_in') {
      // A minute back, so a browser clock a little ahead is not "the future" to the server.
      patch.survivor_notified_at = new Date(Date.now() - 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
      patch.notified_by = s.me.id;
    }
    if (!told && h.survivor_notified_at) {
      patch.survivor_notified_at = null;
      patch.notified_by = null;
    }
    try {
      onDone(await care.patchHearing(h.id, h.version, patch));
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
      <CheckboxesField
        id={`hearing-${h.id}-granted`}
        legend={t('hearings.granted')}
        values={granted}
        onValues={(v) => setGranted(v as care.CourtAccommodation[])}
        options={accommodationOptions(i18n)}
        small
      />
      <CheckboxField
        id={`hearing-${h.id}-told`}
        label={t('hearings.toldLabel')}
        hint={t('hearings.toldHint')}
        checked={told}
        onChecked={setTold}
      />
      <SelectField
        id={`hearing-${h.id}-outcome`}
        label={t('hearings.outcome')}
        value={outcome}
        onValue={(v) => setOutcome(v as care.HearingOutcome | '')}
        options={[
          { value: '', label: t('hearings.noOutcome') },
          ...care.kHearingOutcomes.map((o) => ({ value: o, label: outcomeLabel(i18n, o) })),
        ]}
      />
      <button type="submit" class="button button-secondary" disabled={busy}>
        {t('hearings.save')}
      </button>
    </form>
  );
}

function HearingCard({ h, onChanged, onConflict }: {
  h: care.Hearing;
  onChanged: (h: care.Hearing) => void;
  onConflict: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const asked = (a: care.CourtAccommodation) =>
    h.accommodations_granted.includes(a) ? t('hearings.grantedMark', { what: accommodationLabel(i18n, a) }) : accommodationLabel(i18n, a);
  return (
    <article class="card hearing" aria-labelledby={`hearing-${h.id}`}>
      <h3 id={`hearing-${h.id}`}>
        {hearingKindLabel(i18n, h.kind)} · {i18n.dateTime(h.scheduled_at)}
      </h3>
      <p class="case-meta">
        {h.notice_due && <span class="badge badge-overdue">{t('hearings.noticeDue')}</span>}
        {h.survivor_notified_at && (
          <span class="badge badge-commitment-kept">
            {t('hearings.toldOn', { date: i18n.date(h.survivor_notified_at) })}
          </span>
        )}
        {h.outcome && <span class="badge">{outcomeLabel(i18n, h.outcome)}</span>}
      </p>
      <dl class="summary compact">
        <div>
          <dt>{t('hearings.court')}</dt>
          <dd>{h.court}</dd>
        </div>
        {h.charges.length > 0 && (
          <div>
            <dt>{t('hearings.charges')}</dt>
            <dd>{i18n.list(h.charges)}</dd>
          </div>
        )}
        <div>
          <dt>{t('hearings.requested')}</dt>
          <dd>
            {h.accommodations_requested.length
              ? i18n.list(h.accommodations_requested.map(asked))
              : t('hearings.noneRequested')}
          </dd>
        </div>
        <div>
          <dt>{t('hearings.granted')}</dt>
          <dd>
            {h.accommodations_granted.length
              ? i18n.list(h.accommodations_granted.map((a) => accommodationLabel(i18n, a)))
              : t('hearings.noneGranted')}
          </dd>
        </div>
        {h.notes && (
          <div>
            <dt>{t('hearings.notes')}</dt>
            <dd class="protected-text">{h.notes}</dd>
          </div>
        )}
      </dl>
      <details>
        <summary>{t('hearings.update')}</summary>
        <UpdateForm h={h} onDone={onChanged} onConflict={onConflict} />
      </details>
    </article>
  );
}

function NewHearingForm({ caseId, onCreated }: { caseId: string; onCreated: (h: care.Hearing) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [court, setCourt] = useState('');
  const [date, setDate] = useState(dayFromToday(21));
  const [time, setTime] = useState('09:00');
  const [kind, setKind] = useState<care.HearingKind>('testimony');
  const [charges, setCharges] = useState('');
  const [requested, setRequested] = useState<care.CourtAccommodation[]>([]);
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [round, setRound] = useState(0);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    const list: FieldError[] = [];
    if (!court.trim()) list.push({ field: 'hearing-court', message: t('hearings.error.court') });
    const when = new Date(`${date}T${time || '09:00'}`);
    if (!date || Number.isNaN(when.getTime())) list.push({ field: 'hearing-date', message: t('hearings.error.when') });
    setErrors(list);
    setRound((r) => r + 1);
    setFailure(undefined);
    if (list.length) return;
    setBusy(true);
    try {
      const created = await care.createHearing(caseId, {
        court: court.trim(),
        scheduled_at: when.toISOString().replace(/\.\d+Z$/, 'Z'),
        kind,
        charges: charges
          .split(/[;\n]/)
          .map((c) => c.trim())
          .filter(Boolean),
        accommodations_requested: requested,
        accommodations_granted: [],
        ...(notes.trim() ? { notes: notes.trim() } : {}),
      });
      setCourt('');
      setCharges('');
      setRequested([]);
      setNotes('');
      onCreated(created);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="card" onSubmit={submit} noValidate aria-labelledby="new-hearing-heading">
      <h3 id="new-hearing-heading">{t('hearings.newTitle')}</h3>
      <ErrorSummary errors={errors} round={round} />
      {failure !== undefined && <ErrorNotice error={failure} />}
      <TextField
        id="hearing-court"
        label={t('hearings.court')}
        value={court}
        onValue={setCourt}
        error={errorFor(errors, 'hearing-court')}
      />
      <div class="row">
        <TextField
          id="hearing-date"
          type="date"
          label={t('hearings.date')}
          value={date}
          onValue={setDate}
          error={errorFor(errors, 'hearing-date')}
        />
        <TextField id="hearing-time" type="time" label={t('hearings.time')} value={time} onValue={setTime} />
        <SelectField
          id="hearing-kind"
          label={t('hearings.kind')}
          value={kind}
          onValue={(v) => setKind(v as care.HearingKind)}
          options={care.kHearingKinds.map((k) => ({ value: k, label: hearingKindLabel(i18n, k) }))}
        />
      </div>
      <TextField
        id="hearing-charges"
        label={t('hearings.charges')}
        hint={t('hearings.chargesHint')}
        optional={t('common.optional')}
        value={charges}
        onValue={setCharges}
      />
      <CheckboxesField
        id="hearing-requested"
        legend={t('hearings.requested')}
        hint={t('hearings.requestedHint')}
        values={requested}
        onValues={(v) => setRequested(v as care.CourtAccommodation[])}
        options={accommodationOptions(i18n)}
        small
      />
      <TextAreaField
        id="hearing-notes"
        label={t('hearings.notes')}
        optional={t('common.optional')}
        value={notes}
        onValue={setNotes}
        rows={2}
      />
      <button type="submit" class="button" disabled={busy}>
        {t('hearings.add')}
      </button>
    </form>
  );
}

export function HearingsSection({ kase }: CaseSectionProps) {
  const { t } = useI18n();
  const list = useAsync(() => care.hearings(kase.id), [kase.id]);
  const [conflict, setConflict] = useState(false);
  const [saved, setSaved] = useState(false);
  const items = (list.data ?? []).slice().sort((a, b) => a.scheduled_at.localeCompare(b.scheduled_at));
  return (
    <section aria-labelledby="hearings-heading">
      <h2 id="hearings-heading">{t('case.section.hearings')}</h2>
      <p class="hint">{t('hearings.intro')}</p>
      {conflict && (
        <Notice tone="warning" focus title={t('hearings.conflictTitle')}>
          <p>{t('hearings.conflict')}</p>
        </Notice>
      )}
      {saved && !conflict && (
        <Notice tone="success" focus>
          <p>{t('hearings.saved')}</p>
        </Notice>
      )}
      {list.loading && !list.data && <Loading />}
      {list.error !== undefined && <ErrorNotice error={list.error} focus={false} />}
      {list.data && items.length === 0 && <p>{t('hearings.empty')}</p>}
      {items.map((h) => (
        <HearingCard
          key={`${h.id}-${h.version}`}
          h={h}
          onChanged={(n) => {
            setConflict(false);
            setSaved(true);
            list.set(items.map((x) => (x.id === n.id ? n : x)));
          }}
          onConflict={() => {
            setSaved(false);
            setConflict(true);
            list.reload();
          }}
        />
      ))}
      <NewHearingForm
        caseId={kase.id}
        onCreated={(h) => {
          setSaved(true);
          list.set([...items, h]);
        }}
      />
    </section>
  );
}
