// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// The portal's screens, each about the survivor's own record, in plain words:
// who holds which part of their story; their consents, each withdrawn at
// once; their statement, to confirm, correct or comment on; interviews to
// come, with the topics shared ahead; and who has looked at their record.
import { useState } from 'preact/hooks';
import * as portal from '../api/portal';
import { kTopics, type Passage, type ReadPurpose } from '../api/types';
import { describeAccess } from '../components/accessLogText';
import { ErrorSummary, errorFor, type FieldError } from '../components/ErrorSummary';
import { TextAreaField } from '../components/fields';
import { ErrorNotice, Loading, Notice } from '../components/messages';
import { useAsync } from '../components/useAsync';
import { useI18n, type I18n } from '../i18n';
import {
  categoriesInWords,
  childrenLabel,
  featureLabel,
  interviewerGenderLabel,
  purposeLabel,
  topicLabel,
  topicsInWords,
} from '../workspace/labels';
import type { ScreenProps } from './PortalHome';
import { PortalPage } from './PortalPage';

function agencyWithKind(i18n: I18n, a: portal.AgencyRef): string {
  return a.name ? `${a.name} (${i18n.t(`agencyKind.${a.kind}`)})` : i18n.t('common.unknownAgency');
}

function heldParts(i18n: I18n, topics: portal.PortalDisclosure['topics'], passages: number, categories: portal.PortalDisclosure['categories']) {
  const parts: string[] = [];
  if (passages > 0) parts.push(i18n.tn('portal.story.passages', passages, { topics: topicsInWords(i18n, topics) }));
  if (categories.length) parts.push(i18n.t('portal.story.record', { categories: categoriesInWords(i18n, categories) }));
  return i18n.list(parts);
}

export function StoryScreen({ go }: ScreenProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const list = useAsync(portal.disclosures, []);
  return (
    <PortalPage title={t('portal.story.title')}>
      <p class="lede">{t('portal.story.intro')}</p>
      {list.loading && <Loading />}
      {list.error !== undefined && <ErrorNotice error={list.error} />}
      {list.data && list.data.length === 0 && <p>{t('portal.story.empty')}</p>}
      {(list.data ?? []).map((d) => (
        <article key={d.id} class={`card portal-item consent-${d.consent_status}`} aria-labelledby={`story-${d.id}`}>
          <h2 id={`story-${d.id}`}>{agencyWithKind(i18n, d.recipient)}</h2>
          <dl class="summary compact">
            <div>
              <dt>{t('portal.story.has')}</dt>
              <dd>{heldParts(i18n, d.topics, d.passages, d.categories)}</dd>
            </div>
            <div>
              <dt>{t('portal.why')}</dt>
              <dd>{t(`portal.purpose.${d.purpose}`)}</dd>
            </div>
            <div>
              <dt>{t('portal.story.when')}</dt>
              <dd>{t('portal.story.sharedBy', { date: i18n.date(d.created_at), agency: d.shared_by.name })}</dd>
            </div>
          </dl>
          <p class={`status status-${d.consent_status}`}>{t(`portal.story.status.${d.consent_status}`)}</p>
        </article>
      ))}
      <p>
        <button type="button" class="button button-secondary" onClick={() => go('consents')}>
          {t('portal.story.toConsents')}
        </button>
      </p>
    </PortalPage>
  );
}

function ConsentItem({ c, onChanged }: { c: portal.PortalConsent; onChanged: (c: portal.PortalConsent) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState(false);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const what = i18n.list(
    [
      c.scope.topics.length ? t('portal.consents.partsAbout', { topics: topicsInWords(i18n, c.scope.topics) }) : '',
      c.scope.categories.length ? t('portal.story.record', { categories: categoriesInWords(i18n, c.scope.categories) }) : '',
    ].filter(Boolean),
  );
  const withdraw = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setFailure(undefined);
    try {
      const next = await portal.withdraw(c.id, reason.trim() || null);
      setAsking(false);
      setDone(true);
      onChanged(next);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <article class={`card portal-item consent-${c.status}`} aria-labelledby={`consent-${c.id}`}>
      <h2 id={`consent-${c.id}`}>{agencyWithKind(i18n, c.recipient)}</h2>
      <p>
        {t('portal.consents.sentence', {
          agency: c.recipient.name,
          what,
          purpose: t(`portal.purpose.${c.purpose}`),
        })}
      </p>
      <p class={`status status-${c.status}`}>
        {c.status === 'active' && t('portal.consents.activeUntil', { date: i18n.date(c.valid_until) })}
        {c.status === 'expired' && t('portal.consents.expiredOn', { date: i18n.date(c.valid_until) })}
        {c.status === 'revoked' &&
          (c.withdrawn_by_you
            ? t('portal.consents.youWithdrew', { date: i18n.date(c.revoked_at) })
            : t('portal.consents.withdrawnOn', { date: i18n.date(c.revoked_at) }))}
      </p>
      {done && (
        <Notice tone="success" focus>
          <p>{t('portal.consents.withdrawnNotice', { agency: c.recipient.name })}</p>
        </Notice>
      )}
      {failure !== undefined && <ErrorNotice error={failure} />}
      {c.status === 'active' && !asking && (
        <button type="button" class="button button-secondary" onClick={() => setAsking(true)}>
          {t('portal.consents.withdraw')}
          <span class="visually-hidden"> · {c.recipient.name}</span>
        </button>
      )}
      {c.status === 'active' && asking && (
        <form onSubmit={withdraw} class="inline-form">
          <p>{t('portal.consents.withdrawExplained', { agency: c.recipient.name })}</p>
          <TextAreaField
            id={`portal-withdraw-${c.id}`}
            label={t('portal.consents.reason')}
            optional={t('common.optional')}
            hint={t('portal.consents.reasonHint')}
            value={reason}
            onValue={setReason}
            rows={2}
          />
          <div class="actions">
            <button type="submit" class="button button-warning" disabled={busy}>
              {t('portal.consents.withdrawConfirm')}
            </button>
            <button type="button" class="button button-secondary" onClick={() => setAsking(false)} disabled={busy}>
              {t('portal.consents.keep')}
            </button>
          </div>
        </form>
      )}
    </article>
  );
}

export function ConsentsScreen(_: ScreenProps) {
  const { t } = useI18n();
  const list = useAsync(portal.consents, []);
  const items = list.data ?? [];
  return (
    <PortalPage title={t('portal.consents.title')}>
      <p class="lede">{t('portal.consents.intro')}</p>
      <p>{t('portal.consents.never')}</p>
      {list.loading && <Loading />}
      {list.error !== undefined && <ErrorNotice error={list.error} />}
      {list.data && items.length === 0 && <p>{t('portal.consents.empty')}</p>}
      {items.map((c) => (
        <ConsentItem key={c.id} c={c} onChanged={(next) => list.set(items.map((x) => (x.id === next.id ? next : x)))} />
      ))}
    </PortalPage>
  );
}

type Doing = 'correct' | 'comment' | null;

function PassageItem({ p, onChanged }: { p: Passage; onChanged: (p: Passage) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [doing, setDoing] = useState<Doing>(null);
  const [text, setText] = useState(p.text);
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [round, setRound] = useState(0);
  const [saved, setSaved] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const checked = p.review_status === 'confirmed' || p.review_status === 'corrected';
  const base = `mine-${p.id}`;

  const send = async (work: () => Promise<Passage>, message: string) => {
    setBusy(true);
    setFailure(undefined);
    try {
      const next = await work();
      setDoing(null);
      setComment('');
      setSaved(message);
      onChanged(next);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  const confirm = () => send(() => portal.review(p.id, { status: 'confirmed' }), t('portal.statement.confirmedNotice'));
  const submit = (e: Event) => {
    e.preventDefault();
    const list: FieldError[] = [];
    if (doing === 'correct' && (!text.trim() || text.trim() === p.text.trim())) {
      list.push({ field: `${base}-text`, message: t('portal.statement.error.correction') });
    }
    if (doing === 'comment' && !comment.trim()) list.push({ field: `${base}-comment`, message: t('portal.statement.error.comment') });
    setErrors(list);
    setRound((r) => r + 1);
    if (list.length) return;
    if (doing === 'correct') {
      void send(
        () => portal.review(p.id, { status: 'corrected', corrected_text: text.trim(), ...(comment.trim() ? { comment: comment.trim() } : {}) }),
        t('portal.statement.correctedNotice'),
      );
    } else {
      void send(() => portal.comment(p.id, comment.trim()), t('portal.statement.commentNotice'));
    }
  };

  return (
    <article class={`card portal-item passage-${p.review_status}`} aria-labelledby={`mine-${p.id}`}>
      <h3 id={`mine-${p.id}`}>{topicLabel(i18n, p.topic)}</h3>
      <blockquote class="passage-text">{p.text}</blockquote>
      <p class={`status review-${p.review_status}`}>{t(`portal.statement.status.${p.review_status}`)}</p>
      {p.survivor_comments.length > 0 && (
        <div class="comments">
          <p class="comments-title">{t('portal.statement.yourComments')}</p>
          <ul>
            {p.survivor_comments.map((c) => (
              <li key={c.id}>“{c.text}”</li>
            ))}
          </ul>
        </div>
      )}
      {saved && (
        <Notice tone="success" focus>
          <p>{saved}</p>
        </Notice>
      )}
      {failure !== undefined && <ErrorNotice error={failure} />}
      {doing === null ? (
        <div class="actions">
          {!checked && (
            <button type="button" class="button" onClick={confirm} disabled={busy}>
              {t('portal.statement.confirm')}
              <span class="visually-hidden"> · {topicLabel(i18n, p.topic)}</span>
            </button>
          )}
          <button type="button" class="button button-secondary" onClick={() => setDoing('correct')}>
            {t('portal.statement.correct')}
            <span class="visually-hidden"> · {topicLabel(i18n, p.topic)}</span>
          </button>
          <button type="button" class="button button-secondary" onClick={() => setDoing('comment')}>
            {t('portal.statement.comment')}
            <span class="visually-hidden"> · {topicLabel(i18n, p.topic)}</span>
          </button>
        </div>
      ) : (
        <form onSubmit={submit} class="inline-form" noValidate>
          <ErrorSummary errors={errors} round={round} />
          {doing === 'correct' && (
            <TextAreaField
              id={`${base}-text`}
              label={t('portal.statement.yourWords')}
              hint={t('portal.statement.yourWordsHint')}
              value={text}
              onValue={setText}
              rows={5}
              error={errorFor(errors, `${base}-text`)}
            />
          )}
          <TextAreaField
            id={`${base}-comment`}
            label={t('portal.statement.commentLabel')}
            hint={t('portal.statement.commentHint')}
            optional={doing === 'correct' ? t('common.optional') : undefined}
            value={comment}
            onValue={setComment}
            rows={3}
            error={errorFor(errors, `${base}-comment`)}
          />
          <div class="actions">
            <button type="submit" class="button" disabled={busy}>
              {doing === 'correct' ? t('portal.statement.saveCorrection') : t('portal.statement.saveComment')}
            </button>
            <button type="button" class="button button-secondary" onClick={() => setDoing(null)} disabled={busy}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </article>
  );
}

export function StatementScreen(_: ScreenProps) {
  const { t } = useI18n();
  // In the order of the story: topic by topic.
  const list = useAsync(
    async () => (await portal.passages()).sort((a, b) => kTopics.indexOf(a.topic) - kTopics.indexOf(b.topic)),
    [],
  );
  const items = list.data ?? [];
  return (
    <PortalPage title={t('portal.statement.title')}>
      <p class="lede">{t('portal.statement.intro')}</p>
      {list.loading && <Loading />}
      {list.error !== undefined && <ErrorNotice error={list.error} />}
      {list.data && items.length === 0 && <p>{t('portal.statement.empty')}</p>}
      {items.map((p) => (
        <PassageItem
          key={p.original_id}
          p={p}
          onChanged={(next) => list.set(items.map((x) => (x.original_id === next.original_id ? next : x)))}
        />
      ))}
    </PortalPage>
  );
}

export function InterviewsScreen(_: ScreenProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const list = useAsync(portal.interviews, []);
  return (
    <PortalPage title={t('portal.interviews.title')}>
      <p class="lede">{t('portal.interviews.intro')}</p>
      {list.loading && <Loading />}
      {list.error !== undefined && <ErrorNotice error={list.error} />}
      {list.data && list.data.length === 0 && <p>{t('portal.interviews.empty')}</p>}
      {(list.data ?? []).map((iv) => {
        const a = iv.accommodations;
        const arranged = [
          a.interpreter_language ? t('interviews.acc.interpreter', { language: i18n.languageName(a.interpreter_language) }) : '',
          a.interviewer_gender ? t('interviews.acc.gender', { gender: interviewerGenderLabel(i18n, a.interviewer_gender) }) : '',
          a.support_person ? t('portal.interviews.supportPerson') : '',
          a.breaks ? t('portal.interviews.breaks') : '',
          a.children !== 'none' ? childrenLabel(i18n, a.children) : '',
        ].filter(Boolean);
        return (
          <article key={iv.id} class="card portal-item" aria-labelledby={`interview-${iv.id}`}>
            <h2 id={`interview-${iv.id}`}>{i18n.dateTime(iv.scheduled_at)}</h2>
            <dl class="summary compact">
              <div>
                <dt>{t('portal.why')}</dt>
                <dd>{t(`portal.purpose.${iv.purpose}`)}</dd>
              </div>
              <div>
                <dt>{t('portal.interviews.about')}</dt>
                <dd>{topicsInWords(i18n, iv.topics)}</dd>
              </div>
              <div>
                <dt>{t('portal.interviews.where')}</dt>
                <dd>
                  {iv.venue ? iv.venue.name : t('portal.interviews.placeToCome')}
                  {iv.venue && iv.venue.features.length > 0 && (
                    <span class="muted"> · {i18n.list(iv.venue.features.map((f) => featureLabel(i18n, f)))}</span>
                  )}
                </dd>
              </div>
              <div>
                <dt>{t('portal.interviews.with')}</dt>
                <dd>{iv.interviewer_name}</dd>
              </div>
              <div>
                <dt>{t('portal.interviews.arranged')}</dt>
                <dd>{arranged.length ? i18n.list(arranged) : t('portal.interviews.nothingArranged')}</dd>
              </div>
            </dl>
          </article>
        );
      })}
      <p>{t('portal.interviews.tell')}</p>
    </PortalPage>
  );
}

export function AccessLogScreen(_: ScreenProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const list = useAsync(portal.accessLog, []);
  return (
    <PortalPage title={t('portal.log.title')}>
      <p class="lede">{t('portal.log.intro')}</p>
      {list.loading && <Loading />}
      {list.error !== undefined && <ErrorNotice error={list.error} />}
      {list.data && (
        <ol class="access-log-list">
          {list.data.map((e, n) => (
            <li key={n} class={e.outcome === 'denied' ? 'refused' : undefined}>
              <span class="when">{i18n.dateTime(e.at)}</span>
              <span class="sentence">{describeAccess(i18n, e)}</span>
              {e.purpose && e.who.kind !== 'survivor' && i18n.has(`purpose.${e.purpose}`) && (
                <span class="muted"> {t('portal.log.for', { purpose: purposeLabel(i18n, e.purpose as ReadPurpose) })}</span>
              )}
            </li>
          ))}
        </ol>
      )}
      <section class="card" aria-labelledby="portal-copy-heading">
        <h2 id="portal-copy-heading">{t('portal.copy.title')}</h2>
        <p>{t('portal.copy.intro')}</p>
        <p class="notice notice-warning">{t('portal.copy.warning')}</p>
        {/* The server answers with the file as an attachment; the page stays. */}
        <a class="button button-secondary" href="/api/v1/portal/export" download="onestory-my-record.json">
          {t('portal.copy.link')}
        </a>
      </section>
    </PortalPage>
  );
}
