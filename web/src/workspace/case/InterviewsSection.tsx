// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Interviews, and planning the next one so that the survivor tells each part
// of their story once. The planning form shows, for every topic, whether the
// survivor has already confirmed it on record (in any agency); choosing such
// a topic asks, before anything is sent, why it must be asked again. The
// survivor's preferences, the arrangements made and the venue's safety
// features are shown with every plan, and so is how many times the survivor
// has been interviewed in all.
import { useState } from 'preact/hooks';
import { ApiError } from '../../api/client';
import * as api from '../../api/endpoints';
import {
  kChildren,
  kInterviewerGenders,
  kPurposes,
  kTopics,
  type Children,
  type Interview,
  type InterviewerGender,
  type Preferences,
  type Purpose,
  type Topic,
} from '../../api/types';
import { ErrorSummary, errorFor, type FieldError } from '../../components/ErrorSummary';
import { CheckboxField, CheckboxesField, SelectField, TextAreaField, TextField } from '../../components/fields';
import { ErrorNotice, Loading, Notice } from '../../components/messages';
import { useAsync } from '../../components/useAsync';
import { useI18n, type I18n } from '../../i18n';
import { session } from '../../session';
import {
  childrenLabel,
  featureLabel,
  interviewerGenderLabel,
  purposeLabel,
  topicLabel,
  topicsInWords,
} from '../labels';
import type { CaseSectionProps } from './sections';

const kMinReason = 10;

function PreferencesList({ preferences }: { preferences: Preferences }) {
  const i18n = useI18n();
  const { t } = i18n;
  const rows: [string, string][] = [];
  if (preferences.interviewer_gender) {
    rows.push([t('interviews.pref.interviewerGender'), interviewerGenderLabel(i18n, preferences.interviewer_gender)]);
  }
  if (preferences.interpreter_language) {
    rows.push([t('interviews.pref.interpreter'), i18n.languageName(preferences.interpreter_language)]);
  }
  if (preferences.support_person) rows.push([t('interviews.pref.supportPerson'), preferences.support_person]);
  if (preferences.children) rows.push([t('interviews.pref.children'), childrenLabel(i18n, preferences.children)]);
  if (preferences.breaks) rows.push([t('interviews.pref.breaks'), preferences.breaks]);
  if (preferences.notes) rows.push([t('interviews.pref.notes'), preferences.notes]);
  if (rows.length === 0) return <p>{t('interviews.noPreferences')}</p>;
  return (
    <dl class="summary compact">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function arrangements(i18n: I18n, iv: Interview): string[] {
  const { t } = i18n;
  const a = iv.accommodations;
  const out: string[] = [];
  if (a.interpreter_language) out.push(t('interviews.acc.interpreter', { language: i18n.languageName(a.interpreter_language) }));
  if (a.interviewer_gender) out.push(t('interviews.acc.gender', { gender: interviewerGenderLabel(i18n, a.interviewer_gender) }));
  if (a.support_person) out.push(t('interviews.acc.supportPerson'));
  if (a.breaks) out.push(t('interviews.acc.breaks'));
  if (a.children !== 'none') out.push(childrenLabel(i18n, a.children));
  return out;
}

function InterviewCard({ iv }: { iv: Interview }) {
  const i18n = useI18n();
  const { t } = i18n;
  const state = iv.ended_at ? 'held' : iv.started_at ? 'started' : 'planned';
  const acc = arrangements(i18n, iv);
  return (
    <article class="card interview" aria-labelledby={`iv-${iv.id}`}>
      <h3 id={`iv-${iv.id}`}>
        {i18n.dateTime(iv.scheduled_at)} · {purposeLabel(i18n, iv.purpose)}
      </h3>
      <p>
        <span class="badge">{t(`interviews.state.${state}`)}</span>{' '}
        {iv.topics_shared_at && (
          <span class="muted">
            {t('interviews.topicsShared', { date: i18n.date(iv.topics_shared_at) })}
            {iv.survivor_acknowledged && ` · ${t('interviews.acknowledged')}`}
          </span>
        )}
      </p>
      <dl class="summary compact">
        <div>
          <dt>{t('interviews.topics')}</dt>
          <dd>
            {topicsInWords(i18n, iv.topics)}
            {iv.reask_topics.length > 0 && (
              <span class="reask"> · {t('interviews.reasked', { topics: topicsInWords(i18n, iv.reask_topics) })}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('interviews.interviewer')}</dt>
          <dd>{iv.interviewer_name}</dd>
        </div>
        <div>
          <dt>{t('interviews.venue')}</dt>
          <dd>
            {iv.venue ? (
              <>
                {iv.venue.name}
                {iv.venue.features.length > 0 && (
                  <span class="muted"> · {i18n.list(iv.venue.features.map((f) => featureLabel(i18n, f)))}</span>
                )}
              </>
            ) : (
              t('common.notRecorded')
            )}
          </dd>
        </div>
        <div>
          <dt>{t('interviews.arrangements')}</dt>
          <dd>{acc.length ? i18n.list(acc) : t('interviews.noArrangements')}</dd>
        </div>
      </dl>
      {iv.unmet_preferences.length > 0 && (
        <Notice tone="warning">
          <p>
            {t('interviews.unmet', {
              preferences: i18n.list(
                iv.unmet_preferences.map((p) => {
                  const key = `interviews.unmet.${p}`;
                  return i18n.has(key) ? i18n.t(key) : p;
                }),
              ),
            })}
          </p>
        </Notice>
      )}
    </article>
  );
}

function tomorrow(): string {
  const d = new Date(Date.now() + 24 * 3600 * 1000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function PlanForm({ caseId, onPlanned }: { caseId: string; onPlanned: (iv: Interview) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const coverage = useAsync(() => api.coverage(caseId), [caseId]);
  const venues = useAsync(api.venues, []);
  const s = session.get();
  const me = s.state === 'signed_in' ? s.me : null;
  const colleagues = useAsync(() => api.staffOf(me?.agency_id ?? ''), [me?.agency_id]);
  const [purpose, setPurpose] = useState<Purpose>('aftercare');
  const [topics, setTopics] = useState<Topic[]>([]);
  const [date, setDate] = useState(tomorrow());
  const [time, setTime] = useState('10:00');
  const [venueId, setVenueId] = useState('');
  const [interviewerId, setInterviewerId] = useState('');
  const [supportPerson, setSupportPerson] = useState(false);
  const [children, setChildren] = useState<Children>('none');
  const [interpreter, setInterpreter] = useState('');
  const [gender, setGender] = useState<InterviewerGender | ''>('');
  const [breaks, setBreaks] = useState(false);
  const [reason, setReason] = useState('');
  // Topics the server found already on record at the moment of planning.
  const [serverCovered, setServerCovered] = useState<Topic[]>([]);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [round, setRound] = useState(0);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);

  const covered = new Set<Topic>([...(coverage.data?.covered.map((c) => c.topic) ?? []), ...serverCovered]);
  const reasked = topics.filter((x) => covered.has(x));
  const interviewer = interviewerId || me?.id || '';
  const venue = venues.data?.find((v) => v.id === venueId);

  const submit = async (e: Event) => {
    e.preventDefault();
    const list: FieldError[] = [];
    if (topics.length === 0) list.push({ field: 'plan-topics', message: t('interviews.error.topics') });
    if (!date) list.push({ field: 'plan-date', message: t('interviews.error.date') });
    if (reasked.length > 0 && reason.trim().length < kMinReason) {
      list.push({ field: 'plan-reason', message: t('interviews.error.reason', { min: kMinReason }) });
    }
    if (interpreter.trim() && !/^[a-zA-Z]{2}$/.test(interpreter.trim())) {
      list.push({ field: 'plan-interpreter', message: t('interviews.error.interpreter') });
    }
    setErrors(list);
    setRound((r) => r + 1);
    setFailure(undefined);
    if (list.length) return;
    setBusy(true);
    try {
      const when = new Date(`${date}T${time || '09:00'}`);
      const planned = await api.planInterview(caseId, {
        purpose,
        topics,
        scheduled_at: when.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        venue_id: venueId || null,
        interviewer_id: interviewer,
        accommodations: {
          support_person: supportPerson,
          children,
          interpreter_language: interpreter.trim() ? interpreter.trim().toLowerCase() : null,
          interviewer_gender: gender || null,
          breaks,
        },
        reask_reason: reasked.length ? reason.trim() : null,
      });
      setTopics([]);
      setReason('');
      setServerCovered([]);
      coverage.reload();
      onPlanned(planned);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'topics_already_covered') {
        // Someone confirmed a topic since this form loaded: ask for the reason now.
        setServerCovered(error.list('covered') as Topic[]);
        setErrors([{ field: 'plan-reason', message: t('interviews.error.reason', { min: kMinReason }) }]);
        setRound((r) => r + 1);
        coverage.reload();
      } else {
        setFailure(error);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card" id="plan-interview" onSubmit={submit} noValidate aria-labelledby="plan-heading">
      <h3 id="plan-heading">{t('interviews.planTitle')}</h3>
      <ErrorSummary errors={errors} round={round} />
      {failure !== undefined && <ErrorNotice error={failure} />}
      <SelectField
        id="plan-purpose"
        label={t('interviews.purpose')}
        hint={t('interviews.purposeHint')}
        value={purpose}
        onValue={(v) => setPurpose(v as Purpose)}
        options={kPurposes.map((p) => ({ value: p, label: purposeLabel(i18n, p) }))}
      />
      {coverage.loading && !coverage.data && <Loading />}
      <CheckboxesField
        id="plan-topics"
        legend={t('interviews.topicsLegend')}
        hint={t('interviews.topicsHint')}
        error={errorFor(errors, 'plan-topics')}
        values={topics}
        onValues={(v) => setTopics(v as Topic[])}
        options={kTopics.map((x) => ({
          value: x,
          label: topicLabel(i18n, x),
          hint: covered.has(x) ? t('interviews.onRecord') : undefined,
          class: covered.has(x) ? 'covered' : undefined,
        }))}
        small
      />
      <div aria-live="polite">
        {reasked.length > 0 && (
          <Notice tone="warning" title={t('interviews.coveredTitle')} id="coverage-warning">
            <p>{t('interviews.coveredBody', { topics: topicsInWords(i18n, reasked) })}</p>
            <TextAreaField
              id="plan-reason"
              label={t('interviews.reason')}
              hint={t('interviews.reasonHint', { min: kMinReason })}
              value={reason}
              onValue={setReason}
              rows={3}
              error={errorFor(errors, 'plan-reason')}
            />
          </Notice>
        )}
      </div>
      <div class="row">
        <TextField
          id="plan-date"
          type="date"
          label={t('interviews.date')}
          value={date}
          onValue={setDate}
          error={errorFor(errors, 'plan-date')}
        />
        <TextField id="plan-time" type="time" label={t('interviews.time')} value={time} onValue={setTime} />
      </div>
      <div class="row">
        <SelectField
          id="plan-venue"
          label={t('interviews.venue')}
          value={venueId}
          onValue={setVenueId}
          options={[
            { value: '', label: t('interviews.noVenue') },
            ...(venues.data ?? []).map((v) => ({ value: v.id, label: v.name })),
          ]}
        />
        <SelectField
          id="plan-interviewer"
          label={t('interviews.interviewer')}
          value={interviewer}
          onValue={setInterviewerId}
          options={(colleagues.data ?? (me ? [me] : []))
            .filter((c) => c.active)
            .map((c) => ({ value: c.id, label: c.display_name }))}
        />
      </div>
      {venue && (
        <p class="hint" id="plan-venue-features">
          {venue.features.length
            ? t('interviews.venueFeatures', { features: i18n.list(venue.features.map((f) => featureLabel(i18n, f))) })
            : t('interviews.venueNoFeatures')}
        </p>
      )}
      <fieldset class="field">
        <legend>{t('interviews.arrangements')}</legend>
        <div class="row">
          <TextField
            id="plan-interpreter"
            label={t('interviews.interpreterLanguage')}
            hint={t('interviews.interpreterHint')}
            optional={t('common.optional')}
            value={interpreter}
            onValue={setInterpreter}
            maxLength={2}
            error={errorFor(errors, 'plan-interpreter')}
          />
          <SelectField
            id="plan-gender"
            label={t('interviews.pref.interviewerGender')}
            value={gender}
            onValue={(v) => setGender(v as InterviewerGender | '')}
            options={[
              { value: '', label: t('interviews.notArranged') },
              ...kInterviewerGenders.map((g) => ({ value: g, label: interviewerGenderLabel(i18n, g) })),
            ]}
          />
          <SelectField
            id="plan-children"
            label={t('interviews.pref.children')}
            value={children}
            onValue={(v) => setChildren(v as Children)}
            options={kChildren.map((c) => ({ value: c, label: childrenLabel(i18n, c) }))}
          />
        </div>
        <CheckboxField id="plan-support" label={t('interviews.acc.supportPerson')} checked={supportPerson} onChecked={setSupportPerson} />
        <CheckboxField id="plan-breaks" label={t('interviews.acc.breaks')} checked={breaks} onChecked={setBreaks} />
      </fieldset>
      <button type="submit" class="button" disabled={busy}>
        {t('interviews.plan')}
      </button>
    </form>
  );
}

export function InterviewsSection({ kase }: CaseSectionProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const interviews = useAsync(() => api.interviews(kase.id), [kase.id]);
  const [planned, setPlanned] = useState<Interview | null>(null);
  const [shownPreferences, setShownPreferences] = useState<Preferences | null>(null);
  const [prefFailure, setPrefFailure] = useState<unknown>(undefined);
  const list = interviews.data ?? [];
  const sorted = [...list].sort((a, b) => b.scheduled_at.localeCompare(a.scheduled_at));
  const preferences = planned?.preferences ?? sorted[0]?.preferences ?? shownPreferences;
  const count = planned?.survivor_interview_count ?? sorted[0]?.survivor_interview_count ?? 0;

  const showPreferences = async () => {
    setPrefFailure(undefined);
    try {
      const s = await api.readSurvivor(kase.survivor_id, 'case_work');
      setShownPreferences((s as { preferences?: Preferences }).preferences ?? {
        interviewer_gender: null,
        interpreter_language: null,
        support_person: null,
        children: null,
        breaks: null,
        notes: null,
      });
    } catch (error) {
      setPrefFailure(error);
    }
  };

  return (
    <section aria-labelledby="interviews-heading">
      <h2 id="interviews-heading">{t('case.section.interviews')}</h2>
      {interviews.loading && !interviews.data && <Loading />}
      {interviews.error !== undefined && <ErrorNotice error={interviews.error} focus={false} />}
      {interviews.data && (
        <>
          <p class="lede" id="interview-count">
            {i18n.tn('interviews.count', count)}
          </p>
          <div class="card">
            <h3>{t('interviews.preferencesTitle')}</h3>
            {preferences ? (
              <PreferencesList preferences={preferences} />
            ) : (
              <>
                <p>{t('interviews.preferencesAsk')}</p>
                <button type="button" class="button button-secondary" onClick={showPreferences}>
                  {t('interviews.preferencesShow')}
                </button>
                {prefFailure !== undefined && <ErrorNotice error={prefFailure} />}
              </>
            )}
          </div>
          {planned && (
            <Notice tone="success" focus id="planned-notice">
              <p>
                {t('interviews.planned', {
                  date: i18n.dateTime(planned.scheduled_at),
                  topics: topicsInWords(i18n, planned.topics),
                })}
              </p>
              {planned.reask_topics.length > 0 && (
                <p>{t('interviews.plannedReask', { topics: topicsInWords(i18n, planned.reask_topics) })}</p>
              )}
            </Notice>
          )}
          <PlanForm
            caseId={kase.id}
            onPlanned={(iv) => {
              setPlanned(iv);
              interviews.reload();
            }}
          />
          <h3>{t('interviews.listTitle')}</h3>
          {sorted.length === 0 && <p>{t('interviews.empty')}</p>}
          {sorted.map((iv) => (
            <InterviewCard key={iv.id} iv={iv} />
          ))}
        </>
      )}
    </section>
  );
}
