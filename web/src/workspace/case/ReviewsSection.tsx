// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Multidisciplinary case reviews: when they were held, who attended, and
// the decisions taken. A decision with someone to own it and a due date
// becomes a team commitment, tracked and alerted on like any promise.
import { useState } from 'preact/hooks';
import * as care from '../../api/care';
import * as api from '../../api/endpoints';
import { ErrorSummary, errorFor, type FieldError } from '../../components/ErrorSummary';
import { CheckboxesField, SelectField, TextField } from '../../components/fields';
import { ErrorNotice, Loading, Notice } from '../../components/messages';
import { useAsync } from '../../components/useAsync';
import { useI18n } from '../../i18n';
import { dayFromToday } from '../careLabels';
import type { CaseSectionProps } from './sections';

interface DraftDecision {
  text: string;
  owner: string;
  due: string;
}

function NewReviewForm({ caseId, people, onCreated }: {
  caseId: string;
  people: { id: string; name: string }[];
  onCreated: (r: care.CaseReview) => void;
}) {
  const { t } = useI18n();
  const [on, setOn] = useState(dayFromToday());
  const [attendees, setAttendees] = useState<string[]>([]);
  const [decisions, setDecisions] = useState<DraftDecision[]>([{ text: '', owner: '', due: '' }]);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [round, setRound] = useState(0);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const setDecision = (n: number, d: DraftDecision) => setDecisions(decisions.map((x, i) => (i === n ? d : x)));
  const submit = async (e: Event) => {
    e.preventDefault();
    const list: FieldError[] = [];
    if (attendees.length === 0) list.push({ field: 'review-attendees', message: t('reviews.error.attendees') });
    decisions.forEach((d, n) => {
      if (!d.text.trim() && (d.owner || d.due)) list.push({ field: `review-decision-${n}`, message: t('reviews.error.text') });
      if (d.text.trim() && !!d.owner !== !!d.due) {
        list.push({ field: `review-decision-${n}-due`, message: t('reviews.error.ownerAndDue') });
      }
    });
    setErrors(list);
    setRound((r) => r + 1);
    setFailure(undefined);
    if (list.length) return;
    setBusy(true);
    try {
      const created = await care.createReview(caseId, {
        // Today: a minute ago (never "the future" to the server); another day: its noon.
        held_at:
          on === dayFromToday() ? new Date(Date.now() - 60_000).toISOString().replace(/\.\d+Z$/, 'Z') : `${on}T12:00:00Z`,
        attendees,
        decisions: decisions
          .filter((d) => d.text.trim())
          .map((d) => ({ text: d.text.trim(), ...(d.owner && d.due ? { owner_id: d.owner, due: d.due } : {}) })),
      });
      setAttendees([]);
      setDecisions([{ text: '', owner: '', due: '' }]);
      onCreated(created);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="card" onSubmit={submit} noValidate aria-labelledby="new-review-heading">
      <h3 id="new-review-heading">{t('reviews.newTitle')}</h3>
      <ErrorSummary errors={errors} round={round} />
      {failure !== undefined && <ErrorNotice error={failure} />}
      <TextField id="review-on" type="date" label={t('reviews.heldOn')} value={on} onValue={setOn} />
      <CheckboxesField
        id="review-attendees"
        legend={t('reviews.attendees')}
        error={errorFor(errors, 'review-attendees')}
        values={attendees}
        onValues={setAttendees}
        options={people.map((p) => ({ value: p.id, label: p.name }))}
        small
      />
      <fieldset class="field">
        <legend>{t('reviews.decisions')}</legend>
        <p class="hint">{t('reviews.decisionsHint')}</p>
        {decisions.map((d, n) => (
          <div class="row" key={n}>
            <TextField
              id={`review-decision-${n}`}
              label={t('reviews.decision', { n: n + 1 })}
              value={d.text}
              onValue={(v) => setDecision(n, { ...d, text: v })}
              error={errorFor(errors, `review-decision-${n}`)}
            />
            <SelectField
              id={`review-decision-${n}-owner`}
              label={t('reviews.owner')}
              value={d.owner}
              onValue={(v) => setDecision(n, { ...d, owner: v })}
              options={[{ value: '', label: t('reviews.noOwner') }, ...people.map((p) => ({ value: p.id, label: p.name }))]}
            />
            <TextField
              id={`review-decision-${n}-due`}
              type="date"
              label={t('reviews.due')}
              value={d.due}
              onValue={(v) => setDecision(n, { ...d, due: v })}
              error={errorFor(errors, `review-decision-${n}-due`)}
            />
          </div>
        ))}
        <button
          type="button"
          class="button button-secondary"
          onClick={() => setDecisions([...decisions, { text: '', owner: '', due: '' }])}
        >
          {t('reviews.addDecision')}
        </button>
      </fieldset>
      <button type="submit" class="button" disabled={busy}>
        {t('reviews.record')}
      </button>
    </form>
  );
}

export function ReviewsSection({ kase }: CaseSectionProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const list = useAsync(() => care.reviews(kase.id), [kase.id]);
  const staff = useAsync(() => api.staffOf(kase.agency_id), [kase.agency_id]);
  const [created, setCreated] = useState(false);
  const people = (staff.data ?? []).filter((p) => p.active).map((p) => ({ id: p.id, name: p.display_name }));
  const name = (id: string) => people.find((p) => p.id === id)?.name ?? t('reviews.someoneElse');
  const items = list.data ?? [];
  return (
    <section aria-labelledby="reviews-heading">
      <h2 id="reviews-heading">{t('case.section.reviews')}</h2>
      <p class="hint">{t('reviews.intro')}</p>
      {list.loading && !list.data && <Loading />}
      {list.error !== undefined && <ErrorNotice error={list.error} focus={false} />}
      {created && (
        <Notice tone="success" focus>
          <p>{t('reviews.created')}</p>
        </Notice>
      )}
      {list.data && items.length === 0 && <p>{t('reviews.empty')}</p>}
      {items.map((r) => (
        <article class="card review" key={r.id} aria-labelledby={`review-${r.id}`}>
          <h3 id={`review-${r.id}`}>{t('reviews.heldTitle', { date: i18n.date(r.held_at) })}</h3>
          <dl class="summary compact">
            <div>
              <dt>{t('reviews.attendees')}</dt>
              <dd>{i18n.list(r.attendees.map(name))}</dd>
            </div>
          </dl>
          {r.decisions.length > 0 && (
            <ol class="history">
              {r.decisions.map((d, n) => (
                <li key={n}>
                  <span class="protected-text">{d.text}</span>
                  {d.owner_id && d.due && (
                    <span class="muted"> · {t('reviews.ownedBy', { name: name(d.owner_id), date: i18n.date(d.due) })}</span>
                  )}
                </li>
              ))}
            </ol>
          )}
        </article>
      ))}
      <NewReviewForm
        caseId={kase.id}
        people={people}
        onCreated={(r) => {
          setCreated(true);
          list.set([r, ...items]);
        }}
      />
    </section>
  );
}
