// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// The survivor's statement: passages by topic, each with where the survivor's
// own review stands and the comments they made. The team records the review
// as the survivor gives it (read back, confirmed, or corrected with their
// words); a correction is a new version, and the old one stays for the
// record. Every opening of this section is a read of the statement, and is
// audited.
import { useState } from 'preact/hooks';
import * as api from '../../api/endpoints';
import { kSensitivities, kTopics, type Passage, type Review, type Sensitivity, type Topic } from '../../api/types';
import { ErrorSummary, errorFor, type FieldError } from '../../components/ErrorSummary';
import { SelectField, TextAreaField } from '../../components/fields';
import { ErrorNotice, Loading, Notice } from '../../components/messages';
import { useAsync } from '../../components/useAsync';
import { useI18n } from '../../i18n';
import { reviewLabel, sensitivityLabel, topicLabel } from '../labels';
import type { CaseSectionProps } from './sections';

type Mode = 'read_back' | 'confirmed' | 'corrected';

function ReviewForm({ passage, mode, onDone, onCancel }: {
  passage: Passage;
  mode: Mode;
  onDone: (p: Passage) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [corrected, setCorrected] = useState(passage.text);
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [round, setRound] = useState(0);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const base = `review-${passage.id}`;

  const submit = async (e: Event) => {
    e.preventDefault();
    const list: FieldError[] = [];
    if (mode === 'corrected' && (!corrected.trim() || corrected.trim() === passage.text.trim())) {
      list.push({ field: `${base}-text`, message: t('statement.error.correction') });
    }
    setErrors(list);
    setRound((r) => r + 1);
    if (list.length) return;
    const review: Review = { status: mode };
    if (mode === 'corrected') review.corrected_text = corrected.trim();
    if (comment.trim()) review.survivor_comment = comment.trim();
    setBusy(true);
    setFailure(undefined);
    try {
      onDone(await api.reviewPassage(passage.id, review));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="review-form" onSubmit={submit} noValidate>
      <ErrorSummary errors={errors} round={round} />
      {failure !== undefined && <ErrorNotice error={failure} />}
      <p class="hint">{t(`statement.mode.${mode}`)}</p>
      {mode === 'corrected' && (
        <TextAreaField
          id={`${base}-text`}
          label={t('statement.correctedText')}
          hint={t('statement.correctedTextHint')}
          value={corrected}
          onValue={setCorrected}
          rows={5}
          error={errorFor(errors, `${base}-text`)}
        />
      )}
      <TextAreaField
        id={`${base}-comment`}
        label={t('statement.comment')}
        hint={t('statement.commentHint')}
        optional={t('common.optional')}
        value={comment}
        onValue={setComment}
        rows={2}
      />
      <div class="actions">
        <button type="submit" class="button" disabled={busy}>
          {t(`statement.save.${mode}`)}
        </button>
        <button type="button" class="button button-secondary" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function PassageCard({ passage, onChanged }: { passage: Passage; onChanged: (p: Passage) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [mode, setMode] = useState<Mode | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const reviewed = passage.review_status === 'confirmed' || passage.review_status === 'corrected';
  const choices: Mode[] =
    passage.review_status === 'unreviewed'
      ? ['read_back', 'confirmed', 'corrected']
      : passage.review_status === 'read_back'
        ? ['confirmed', 'corrected']
        : ['corrected'];
  return (
    <article class={`passage passage-${passage.review_status}`} aria-labelledby={`passage-${passage.id}`}>
      <h4 class="visually-hidden" id={`passage-${passage.id}`}>
        {t('statement.passageLabel', { topic: topicLabel(i18n, passage.topic), version: passage.version })}
      </h4>
      <blockquote class="passage-text">{passage.text}</blockquote>
      <p class="passage-meta">
        <span class={`badge badge-review-${passage.review_status}`}>{reviewLabel(i18n, passage.review_status)}</span>{' '}
        {passage.version > 1 && <span class="badge">{t('statement.version', { version: passage.version })}</span>}{' '}
        <span class="muted">
          {sensitivityLabel(i18n, passage.sensitivity)} · {t('statement.recorded', { date: i18n.date(passage.created_at) })}
          {passage.reviewed_at && ` · ${t('statement.reviewedOn', { date: i18n.date(passage.reviewed_at) })}`}
          {passage.reviewed_by === passage.survivor_id && ` · ${t('statement.bySurvivor')}`}
        </span>
      </p>
      {passage.survivor_comments.length > 0 && (
        <div class="comments">
          <p class="comments-title">{t('statement.survivorComments')}</p>
          <ul>
            {passage.survivor_comments.map((c) => (
              <li key={c.id}>
                “{c.text}” <span class="muted">· {i18n.date(c.created_at)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {saved && (
        <Notice tone="success">
          <p>{saved}</p>
        </Notice>
      )}
      {mode ? (
        <ReviewForm
          passage={passage}
          mode={mode}
          onCancel={() => setMode(null)}
          onDone={(p) => {
            setMode(null);
            setSaved(t(`statement.saved.${mode}`));
            onChanged(p);
          }}
        />
      ) : (
        <div class="actions">
          {choices.map((m) => (
            <button
              key={m}
              type="button"
              class={m === 'confirmed' && !reviewed ? 'button' : 'button button-secondary'}
              onClick={() => {
                setSaved(null);
                setMode(m);
              }}
            >
              {t(`statement.action.${m}`)}
              <span class="visually-hidden"> · {topicLabel(i18n, passage.topic)}</span>
            </button>
          ))}
        </div>
      )}
    </article>
  );
}

function AddPassage({ caseId, onAdded }: { caseId: string; onAdded: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const interviews = useAsync(() => api.interviews(caseId), [caseId]);
  const [interviewId, setInterviewId] = useState('');
  const [topic, setTopic] = useState<Topic>('background');
  const [sensitivity, setSensitivity] = useState<Sensitivity>('sensitive');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [round, setRound] = useState(0);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState(false);
  const list = interviews.data ?? [];
  const chosen = interviewId || list[0]?.id || '';

  const submit = async (e: Event) => {
    e.preventDefault();
    const problems: FieldError[] = [];
    if (!text.trim()) problems.push({ field: 'passage-text', message: t('statement.error.text') });
    setErrors(problems);
    setRound((r) => r + 1);
    if (problems.length || !chosen) return;
    setBusy(true);
    setFailure(undefined);
    setAdded(false);
    try {
      await api.addPassage(caseId, { interview_id: chosen, topic, sensitivity, text: text.trim() });
      setText('');
      setAdded(true);
      onAdded();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <details class="card disclosure-panel">
      <summary>{t('statement.addTitle')}</summary>
      {interviews.loading && <Loading />}
      {interviews.data && list.length === 0 && <p>{t('statement.noInterviews')}</p>}
      {list.length > 0 && (
        <form onSubmit={submit} noValidate>
          <ErrorSummary errors={errors} round={round} />
          {failure !== undefined && <ErrorNotice error={failure} />}
          {added && (
            <Notice tone="success">
              <p>{t('statement.added')}</p>
            </Notice>
          )}
          <SelectField
            id="passage-interview"
            label={t('statement.interview')}
            value={chosen}
            onValue={setInterviewId}
            options={list.map((iv) => ({ value: iv.id, label: i18n.dateTime(iv.scheduled_at) }))}
          />
          <div class="row">
            <SelectField
              id="passage-topic"
              label={t('statement.topic')}
              value={topic}
              onValue={(v) => setTopic(v as Topic)}
              options={kTopics.map((x) => ({ value: x, label: topicLabel(i18n, x) }))}
            />
            <SelectField
              id="passage-sensitivity"
              label={t('statement.sensitivity')}
              value={sensitivity}
              onValue={(v) => setSensitivity(v as Sensitivity)}
              options={kSensitivities.map((x) => ({ value: x, label: sensitivityLabel(i18n, x) }))}
            />
          </div>
          <TextAreaField
            id="passage-text"
            label={t('statement.text')}
            hint={t('statement.textHint')}
            value={text}
            onValue={setText}
            rows={5}
            error={errorFor(errors, 'passage-text')}
          />
          <button type="submit" class="button" disabled={busy}>
            {t('statement.add')}
          </button>
        </form>
      )}
    </details>
  );
}

export function StatementSection({ kase }: CaseSectionProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const passages = useAsync(() => api.passages(kase.id), [kase.id]);
  const update = (p: Passage) => {
    const all = passages.data ?? [];
    const next = all.some((x) => x.original_id === p.original_id)
      ? all.map((x) => (x.original_id === p.original_id ? p : x))
      : [...all, p];
    passages.set(next);
  };
  const all = passages.data ?? [];
  const count = (s: Passage['review_status']) => all.filter((p) => p.review_status === s).length;
  return (
    <section aria-labelledby="statement-heading">
      <h2 id="statement-heading">{t('case.section.statement')}</h2>
      <p class="hint">{t('statement.intro')}</p>
      {passages.loading && !passages.data && <Loading />}
      {passages.error !== undefined && <ErrorNotice error={passages.error} focus={false} />}
      {passages.data && (
        <>
          <p class="count" id="statement-count">
            {all.length === 0
              ? t('statement.empty')
              : t('statement.counts', {
                  total: all.length,
                  reviewed: count('confirmed') + count('corrected'),
                  waiting: count('unreviewed') + count('read_back'),
                })}
          </p>
          {kTopics
            .filter((topic) => all.some((p) => p.topic === topic))
            .map((topic) => (
              <section key={topic} class="topic-group" aria-labelledby={`topic-${topic}`}>
                <h3 id={`topic-${topic}`}>{topicLabel(i18n, topic)}</h3>
                {all
                  .filter((p) => p.topic === topic)
                  .map((p) => (
                    <PassageCard key={p.original_id} passage={p} onChanged={update} />
                  ))}
              </section>
            ))}
        </>
      )}
      <AddPassage caseId={kase.id} onAdded={passages.reload} />
    </section>
  );
}
